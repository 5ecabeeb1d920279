import fs from "node:fs";
import { parseCsv } from "../support/csv-parse";
import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// Reports and the contacts chart in the built pane, in Chromium, against the real service with the
// demo data; the demo host signs in as Alice.
describeBrowser("reports in a real browser", () => {
  const demo = useDemoBrowser();

  it("runs the customer list of my customers and downloads the same rows as CSV", async () => {
    const page = await demo.openDemoHost();
    await pane(page).getByRole("tab", { name: "Reports" }).click();
    const form = pane(page).getByRole("form", { name: "Report" });
    await form.getByLabel("Salesman of the customer").selectOption({ label: "Mine" });
    await form.getByRole("button", { name: "Show report" }).click();

    const alice = await demo.stack.as("alice@contoso.com");
    const mine = (await alice.get("/api/reports/customers?salesman=me&limit=200")).body;
    const mineIds = new Set(mine.items.map((row: { id: string }) => row.id));
    const others = (await alice.get("/api/reports/customers?limit=200")).body.items.filter(
      (row: { id: string }) => !mineIds.has(row.id),
    );
    expect(mine.total).toBeGreaterThan(1);
    expect(others.length).toBeGreaterThan(0);

    const results = pane(page).getByRole("region", { name: "Report results" });
    const table = results.getByRole("list", { name: "Customer list" });
    await expectVisible(table);
    const shown = await table.getByRole("listitem").locator("strong").allTextContents();
    expect(shown).toEqual(mine.items.map((row: { name: string }) => row.name));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      results.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8"));
    const name = rows[0]!.indexOf("Name");
    const account = rows[0]!.indexOf("Account number");
    expect(rows.slice(1).map((row) => row[name])).toEqual(mine.items.map((row: { name: string }) => row.name));
    expect(rows.slice(1).map((row) => row[account])).not.toContain(others[0].accountNumber);

    const [labels] = await Promise.all([
      page.waitForEvent("download"),
      results.getByRole("button", { name: "Address labels (PDF)" }).click(),
    ]);
    expect(labels.suggestedFilename()).toMatch(/^address-labels-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(
      fs
        .readFileSync((await labels.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await page.close();
  });

  it("shows a demo customer's contacts per month at the top of the Timeline tab", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await record.waitFor();
    await record.getByRole("tab", { name: "Timeline" }).click();
    const chart = record.getByRole("img", { name: /^Contacts in the last 12 months/ });
    await expectVisible(chart);

    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam, Inc.")).body.items[0];
    const history = (await alice.get(`/api/customers/${fabrikam.id}/contact-history`)).body;
    const sum = (key: "calls" | "meetings" | "emails") =>
      history.months.reduce((total: number, month: Record<string, number>) => total + month[key]!, 0);
    expect(sum("calls") + sum("meetings") + sum("emails")).toBeGreaterThan(0);
    const label = await chart.getAttribute("aria-label");
    expect(label).toContain(`${sum("calls")} call`);
    expect(label).toContain(`${sum("emails")} e-mail`);
    // A bar per series and month, drawn with height for the months that had contacts.
    expect(await chart.locator("rect").count()).toBe(36);
    await page.close();
  });
});
