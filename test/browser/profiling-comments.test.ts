import type { Locator, Page } from "playwright-core";
import { sampleEmails } from "../../demo/demo-host/sample-emails";
import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// Profiling and comments in the built pane against the real service and the demo data: Fabrikam
// has two question sets partly answered (one answer with history) and a pinned comment.
const LENA = "lena.vogel@fabrikam.com";
const lenasEmail = sampleEmails("alice@contoso.com").find((message) => message.from?.email === LENA)!;

describeBrowser("profiling and comments in a real browser", () => {
  const demo = useDemoBrowser();

  /** Fabrikam's record for Lena's email, in the demo host (a fresh load each time). */
  async function fabrikam(page: Page): Promise<Locator> {
    await page.goto(demo.stack.demoHost);
    await openEmail(page, "Lena Vogel", lenasEmail.subject);
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await record.waitFor();
    return record;
  }
  async function profileTab(record: Locator): Promise<Locator> {
    await record.getByRole("tab", { name: "Profile" }).click();
    const form = record.getByRole("form", { name: "Profile" });
    await expectVisible(form);
    return form;
  }

  it("answers the demo question set for Fabrikam and still shows the answers after a reload", async () => {
    const page = await demo.context.newPage();
    let form = await profileTab(await fabrikam(page));
    const park = form.getByRole("group", { name: "Machine park" });
    // The demo's answers, and the earlier one kept in the history (the demo host signs in as Alice).
    await expectVisible(park.getByRole("radio", { name: "Heidenhain", checked: true }));
    await park.getByRole("button", { name: "History of Number of CNC machines" }).click();
    const history = park.getByRole("list", { name: "History of Number of CNC machines" });
    await expectVisible(history.getByText(/^14 – Alice/));
    await expectVisible(history.getByText(/^12 – Ben Okafor/));

    await park.getByRole("radiogroup", { name: "Runs a second shift?" }).getByRole("radio", { name: "Yes" }).check();
    await park.getByRole("textbox", { name: "Notes on the machine park" }).fill("Two 5-axis centres added in 2025");
    await park.getByRole("group", { name: "Materials machined" }).getByRole("checkbox", { name: "Plastics" }).check();
    await form.getByRole("button", { name: "Save answers" }).click();
    await expectVisible(form.getByText("Saved 3 answers."));

    await page.reload();
    form = await profileTab(await fabrikam(page));
    const again = form.getByRole("group", { name: "Machine park" });
    await expectVisible(again.getByRole("radio", { name: "Yes", checked: true }));
    const notes = again.getByRole("textbox", { name: "Notes on the machine park" });
    expect(await notes.inputValue()).toBe("Two 5-axis centres added in 2025");
    expect(await notes.getAttribute("aria-describedby")).toBeTruthy();
    await expectVisible(again.getByText(/^Answered by Alice.* on/));
    const materials = again.getByRole("group", { name: "Materials machined" });
    for (const [name, checked] of [
      ["Steel", true],
      ["Aluminium", true],
      ["Plastics", true],
      ["Stainless steel", false],
    ] as const)
      expect(await materials.getByRole("checkbox", { name, exact: true }).isChecked()).toBe(checked);
    await page.close();
  });

  it("shows the pinned demo comment first, adds a comment and pins it", async () => {
    const page = await demo.context.newPage();
    let comments = (await fabrikam(page)).getByRole("region", { name: "Comments" });
    const pinned = comments.getByRole("listitem", { name: "Pinned comment" });
    await expectVisible(pinned.getByText(/gate is closed on Fridays/));

    await comments.getByRole("button", { name: "Add comment" }).click();
    const form = comments.getByRole("form", { name: "New comment" });
    await form.getByRole("textbox", { name: /Comment/ }).fill("New purchasing manager from March: <Jonas> & team");
    await form.getByRole("button", { name: "Save comment" }).click();
    const added = comments.getByRole("listitem").filter({ hasText: "New purchasing manager from March" });
    await expectVisible(added);
    // Typed text stays text: the angle brackets are shown, nothing becomes markup.
    await expectVisible(added.getByText("New purchasing manager from March: <Jonas> & team"));
    expect(await added.getAttribute("aria-label")).toBe("Comment");
    await added.getByRole("button", { name: "Pin" }).click();
    await expectVisible(
      comments.getByRole("listitem", { name: "Pinned comment" }).filter({ hasText: "New purchasing manager" }),
    );

    await page.reload();
    comments = (await fabrikam(page)).getByRole("region", { name: "Comments" });
    const pinnedNow = comments.getByRole("listitem", { name: "Pinned comment" });
    await expectVisible(pinnedNow.filter({ hasText: "New purchasing manager" }));
    expect(await pinnedNow.count()).toBe(2);
    // Newest pinned first, then the demo's pinned one, then the rest.
    expect(await comments.getByRole("listitem").first().textContent()).toContain("New purchasing manager");
    await page.close();
  });
});
