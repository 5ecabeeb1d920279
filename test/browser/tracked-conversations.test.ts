import type { Page } from "playwright-core";
import { DEMO_TRACKED, DEMO_TRACKED_ANSWER } from "../../demo/seed/demo-tracked";
import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// Tracked conversations end to end in Chromium: "Track this conversation" in the pane, a later
// message of that conversation arriving in the Graph fake's Inbox (its deliver endpoint, as if the
// customer answered), the real service's worker reading Inbox delta and logging it, and the pane's
// e-mail log showing it with why it was logged. The demo seed tracks one conversation already.
const ALICE = "alice@contoso.com";

describeBrowser("tracked conversations in a real browser", () => {
  const demo = useDemoBrowser();

  const fabrikamLog = async (subject: string) => {
    const alice = await demo.stack.as(ALICE);
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam")).body.items.find(
      (customer: { name: string }) => customer.name === "Fabrikam, Inc.",
    );
    const log = await alice.get(`/api/customers/${fabrikam.id}/email-log?limit=100`);
    return (log.body.items as { subject: string; loggedBecause: string | null }[]).filter(
      (entry) => entry.subject === subject,
    );
  };
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > end) return value;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  /** The record's e-mail log in the pane, as the user sees it after opening the message. */
  const emailLog = (page: Page) =>
    pane(page)
      .getByRole("article", { name: "Customer record Fabrikam, Inc." })
      .getByRole("list", { name: "Logged emails" });

  it("tracks a conversation; the customer's later answer is logged by the service and shown with why", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await record.getByRole("button", { name: "Track this conversation" }).click();
    await expectVisible(
      record.getByText(
        "Tracking this conversation for Fabrikam, Inc.: its later messages are logged, pane open or not",
      ),
    );
    await expectVisible(
      record
        .getByRole("region", { name: "Tracked conversations" })
        .getByText("Offer for the spring campaign · Fabrikam, Inc."),
    );

    // Lena answers in the same conversation: the demo host has the Graph fake put her answer in
    // Alice's Inbox in Outlook (its deliver endpoint, as if Lena wrote).
    await page
      .getByRole("main", { name: "Reading pane" })
      .getByRole("button", { name: "Simulate an answer from Lena Vogel" })
      .click();
    await expectVisible(page.getByRole("status").getByText("Lena Vogel answered: the answer is in your Outlook Inbox"));
    const [answer] = demo.stack.mail
      .mailbox(`demo-${ALICE}`)
      .live("inbox")
      .filter((message) => message.subject === "RE: Offer for the spring campaign");
    expect(answer).toMatchObject({
      conversationId: "sample-conversation-11",
      from: { emailAddress: { address: "lena.vogel@fabrikam.com", name: "Lena Vogel" } },
    });
    const internetMessageId = answer!.internetMessageId;

    // The worker logs it once, from the Inbox, without the pane doing anything.
    const logged = await until(
      () => fabrikamLog("RE: Offer for the spring campaign"),
      (entries) => entries.length > 0,
    );
    expect(logged).toEqual([
      expect.objectContaining({
        internetMessageId,
        loggedBecause: 'Tracked conversation "Offer for the spring campaign": logged from the Inbox',
      }),
    ]);

    // Alice opens the message again: the record's e-mail log shows the answer and why it is there.
    await openEmail(page, DEMO_TRACKED.contactName, DEMO_TRACKED.subject);
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const entry = emailLog(page).getByRole("listitem").filter({ hasText: "RE: Offer for the spring campaign" });
    await expectVisible(entry);
    await expectVisible(entry.getByText('Tracked conversation "Offer for the spring campaign": logged from the Inbox'));

    // The worker's later rounds do not log it again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await fabrikamLog("RE: Offer for the spring campaign")).toHaveLength(1);
    await page.close();
  });

  it("shows the conversation the demo tracks, with the answer the worker logged and why", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, DEMO_TRACKED.contactName, DEMO_TRACKED.subject);
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await expectVisible(
      record.getByText(
        "Tracking this conversation for Fabrikam, Inc.: its later messages are logged, pane open or not",
      ),
    );
    await until(
      () => fabrikamLog(DEMO_TRACKED_ANSWER.subject),
      (entries) => entries.length > 0,
    );
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    await openEmail(page, DEMO_TRACKED.contactName, DEMO_TRACKED.subject);
    const entry = emailLog(page).getByRole("listitem").filter({ hasText: DEMO_TRACKED_ANSWER.subject });
    await expectVisible(entry.getByText(`Tracked conversation "${DEMO_TRACKED.subject}": logged from the Inbox`));
    await page.close();
  });

  it("gives every automatically logged entry in the pane's e-mail log its reason", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, DEMO_TRACKED.contactName, DEMO_TRACKED.subject);
    await until(
      () => fabrikamLog(DEMO_TRACKED_ANSWER.subject),
      (entries) => entries.length > 0,
    );
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    await expectVisible(emailLog(page));
    // Every entry the service logged on its own (loggedBecause set) says so where the pane lists it.
    const alice = await demo.stack.as(ALICE);
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam")).body.items.find(
      (customer: { name: string }) => customer.name === "Fabrikam, Inc.",
    );
    const shown = (await alice.get(`/api/customers/${fabrikam.id}/email-log?limit=5`)).body.items as {
      subject: string;
      loggedBecause: string | null;
    }[];
    const automatic = shown.filter((entry) => entry.loggedBecause);
    expect(automatic.length).toBeGreaterThan(0);
    for (const entry of automatic)
      await expectVisible(
        emailLog(page)
          .getByRole("listitem")
          .filter({ hasText: entry.subject || "(no subject)" })
          .getByText(entry.loggedBecause!),
      );
    await page.close();
  });
});
