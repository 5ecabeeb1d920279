import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// Several emails at once in Chromium: the demo host's simulated Outlook ticks messages in its list
// (multi-select), the pane offers "Log N emails", the real service reads each from Alice's Inbox in
// the Graph fake and logs it to its customer; the record's e-mail log then shows them.
const ALICE = "alice@contoso.com";

describeBrowser("logging several selected emails in a real browser", () => {
  const demo = useDemoBrowser();

  it("ticks four messages, logs the three of Fabrikam's people, and names the one no customer matches", async () => {
    const page = await demo.openDemoHost();
    const inbox = page.getByRole("navigation", { name: "Inbox" });
    for (const label of [
      "Select Jonas Keller: Question about our open order",
      "Select Lena Vogel: Offer for the spring campaign",
      "Select Tim Brandt: Meeting next week?",
      "Select Nora Weiss: Which Fabrikam company do you bill?",
    ])
      await inbox.getByRole("checkbox", { name: label }).check();
    const side = pane(page);
    await expectVisible(side.getByRole("heading", { name: "4 emails selected" }));
    await side.getByRole("button", { name: "Log 4 emails" }).click();
    const summary = side.getByRole("status", { name: "Summary" });
    await expectVisible(summary);
    expect(await summary.innerText()).toMatch(/Logged: 3\s+Already logged: 0\s+No matching customer: 1\s+Failed: 0/);
    expect(await side.getByRole("list", { name: "No matching customer" }).innerText()).toMatch(
      /Which Fabrikam company do you bill\?: Several customers match/,
    );

    // What the service stored: each once, for Fabrikam, with the Message-ID the demo's Outlook shows.
    const alice = await demo.stack.as(ALICE);
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam")).body.items.find(
      (customer: { name: string }) => customer.name === "Fabrikam, Inc.",
    );
    const log = (await alice.get(`/api/customers/${fabrikam.id}/email-log?limit=100`)).body.items as {
      subject: string;
      loggedBecause: string | null;
    }[];
    // (The demo data has an e-mail of its own logged for Fabrikam: only the selection's are counted.)
    const fromSelection = log.filter((entry) => /selection of emails/.test(entry.loggedBecause ?? ""));
    expect(fromSelection.map((entry) => entry.subject).sort()).toEqual([
      "Meeting next week?",
      "Offer for the spring campaign",
      "Question about our open order",
    ]);

    // One of them opened on its own: the pane says it is logged already.
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = side.getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await expectVisible(record.getByText("✓ Logged"));
    await page.close();
  });
});
