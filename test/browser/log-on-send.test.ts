import { LOG_MARKER_HEADER } from "contract";
import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// Log on send end to end in Chromium: the demo host's simulated Outlook writes a reply, the pane's
// "Log when sent" switch decides, Send runs the real OnMessageSend handler (launchevent.js's), the
// message goes through the Graph fake's sendMail into Sent Items with the handler's header, and the
// real service's worker finds it there and logs it once, with the internetMessageId Exchange gave it.
const ALICE = "alice@contoso.com";

describeBrowser("log on send in a real browser", () => {
  const demo = useDemoBrowser();

  const fabrikamLog = async (subject: string) => {
    const alice = await demo.stack.as(ALICE);
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam")).body.items.find(
      (customer: { name: string }) => customer.name === "Fabrikam, Inc.",
    );
    const log = await alice.get(`/api/customers/${fabrikam.id}/email-log?limit=100`);
    return (log.body.items as { subject: string }[]).filter((entry) => entry.subject === subject);
  };
  const sentItems = () => demo.stack.mail.mailbox(`demo-${ALICE}`).live("sentitems");

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > end) return value;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it("a reply sent with 'Log when sent' on is found in Sent Items and logged once, saying why", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    await page.getByRole("main", { name: "Reading pane" }).getByRole("button", { name: "Reply" }).click();
    const compose = page.getByRole("form", { name: "New message" });
    await compose.getByLabel("Message").fill("Thank you, Lena: the offer follows today.");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    const toggle = record.getByRole("switch", { name: "Log when sent" });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await compose.getByRole("button", { name: "Send" }).click();
    await expectVisible(page.getByRole("status").getByText("Sent: RE: Offer for the spring campaign"));

    // In Sent Items, marked by the handler; then in the CRM, once, with Exchange's internetMessageId.
    const [sent] = sentItems().filter((message) => message.subject === "RE: Offer for the spring campaign");
    expect(sent?.toRecipients).toEqual([{ emailAddress: { address: "lena.vogel@fabrikam.com" } }]);
    expect(sent?.internetMessageHeaders).toEqual([{ name: LOG_MARKER_HEADER, value: expect.any(String) }]);
    const logged = await until(
      () => fabrikamLog("RE: Offer for the spring campaign"),
      (entries) => entries.length > 0,
    );
    expect(logged).toEqual([
      expect.objectContaining({
        internetMessageId: sent!.internetMessageId,
        loggedBecause: expect.stringMatching(/^Logged when sent/),
        from: expect.objectContaining({ email: ALICE }),
      }),
    ]);
    // The worker's later rounds do not log it again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await fabrikamLog("RE: Offer for the spring campaign")).toHaveLength(1);
    await page.close();
  });

  it("a reply sent with the switch off goes out unmarked and is not logged", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Tim Brandt", "Meeting next week?");
    await page.getByRole("main", { name: "Reading pane" }).getByRole("button", { name: "Reply" }).click();
    const toggle = pane(page).getByRole("switch", { name: "Log when sent" });
    await toggle.waitFor();
    await toggle.click();
    expect(await toggle.isChecked()).toBe(false);
    await page.getByRole("form", { name: "New message" }).getByRole("button", { name: "Send" }).click();
    await expectVisible(page.getByRole("status").getByText("Sent: RE: Meeting next week?"));
    const [sent] = sentItems().filter((message) => message.subject === "RE: Meeting next week?");
    expect(sent?.internetMessageHeaders).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await fabrikamLog("RE: Meeting next week?")).toEqual([]);
    const alice = await demo.stack.as(ALICE);
    expect(
      (await alice.get("/api/log-intents")).body.items.filter(
        (intent: { subject: string }) => intent.subject === "RE: Meeting next week?",
      ),
    ).toEqual([]);
    await page.close();
  });
});
