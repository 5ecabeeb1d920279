import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// The built pane in Debian's Chromium against the real service on PGlite, in the demo host's
// simulated mailbox: the journeys a newcomer tries first.
describeBrowser("the task pane in a real browser", () => {
  const demo = useDemoBrowser();

  it("opening an email shows the sender's record", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await record.waitFor();
    await expectVisible(record.getByText("Status 1 · Customer"));
    await expectVisible(record.getByText("Lena Vogel · CEO"));
    // Another message: the pane follows it, as a pinned pane follows ItemChanged.
    await openEmail(page, "Giulia Conti", "Question about our open order");
    await expectVisible(pane(page).getByRole("article", { name: "Customer record Tailspin Toys" }));
    await expectVisible(pane(page).getByText("Status 3 · Contact at a fair"));
    await page.close();
  });

  it("the language switch loads the pane again in German, and back in English", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    await pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." }).waitFor();
    await page.getByLabel("Outlook language").selectOption({ label: "Deutsch" });
    // The simulated Office now says displayLanguage "de-DE": the pane reads it as it loads.
    const record = pane(page).getByRole("article", { name: "Kundendatensatz Fabrikam, Inc." });
    await record.waitFor();
    await expectVisible(record.getByText("Konto 10001"));
    await expectVisible(pane(page).getByRole("tab", { name: "Diese E-Mail" }));
    await expectVisible(record.getByRole("button", { name: "Diese E-Mail protokollieren" }));
    expect(new URL(page.url()).searchParams.get("lang")).toBe("de-DE");
    await page.getByLabel("Outlook language").selectOption({ label: "English" });
    await expectVisible(pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." }));
    await page.close();
  });

  it("logging an email twice, from two panes at once, stores one entry and shows it logged in both", async () => {
    const [first, second] = await Promise.all([demo.openDemoHost(), demo.openDemoHost()]);
    for (const page of [first, second]) await openEmail(page, "Reto Meier", "Delivery dates for Q3");
    const buttons = [first, second].map((page) => pane(page).getByRole("button", { name: "Log this email" }));
    await Promise.all(buttons.map((button) => button.waitFor()));
    await Promise.all(buttons.map((button) => button.click()));
    for (const page of [first, second]) await expectVisible(pane(page).getByRole("status").getByText("✓ Logged"));

    const alice = await demo.stack.as("alice@contoso.com");
    const litware = (await alice.get("/api/customers?search=Litware")).body.items[0];
    const log = await alice.get(`/api/customers/${litware.id}/email-log`);
    const entries = log.body.items.filter((entry: { subject: string }) => entry.subject === "Delivery dates for Q3");
    expect(entries).toHaveLength(1);

    // Reopened later, the pane asks the service and still shows it logged.
    await openEmail(first, "Lena Vogel", "Offer for the spring campaign");
    await openEmail(first, "Reto Meier", "Delivery dates for Q3");
    await expectVisible(pane(first).getByRole("status").getByText("✓ Logged"));
    await Promise.all([first.close(), second.close()]);
  });

  it("an unknown sender at a known company becomes a contact of it", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Sara Klein", "Introduction: new buyer at A. Datum");
    await expectVisible(pane(page).getByText("Unknown person at A. Datum Corporation"));
    await pane(page).getByRole("button", { name: "Add as contact" }).click();
    const form = pane(page).getByRole("form", { name: "New contact" });
    expect(await form.getByLabel("First name").inputValue()).toBe("Sara");
    expect(await form.getByLabel("Last name").inputValue()).toBe("Klein");
    await form.getByRole("button", { name: "Create contact" }).click();
    await expectVisible(pane(page).getByRole("article", { name: "Customer record A. Datum Corporation" }));

    const alice = await demo.stack.as("alice@contoso.com");
    const lookup = await alice.get("/api/lookup?email=sara.klein@adatum.com");
    expect(lookup.body.matches[0]).toMatchObject({
      matchedBy: "contact",
      contacts: [{ firstName: "Sara", lastName: "Klein", customer: { name: "A. Datum Corporation" } }],
    });
    await page.close();
  });

  it("a new activity planned from the email is listed under future", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Pieter de Vries", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Wide World Importers" });
    await record.waitFor();
    await record.getByRole("button", { name: "New activity" }).click();
    const form = record.getByRole("form", { name: "New activity" });
    await form.getByLabel("Template").selectOption({ label: "Follow-up call" });
    await form.getByLabel("Subject").fill("Call Pieter about the spring offer");
    await form.getByLabel("Date").fill("2099-05-04");
    await form.getByLabel(/^Time(?! zone)/).fill("10:15");
    await form.getByRole("button", { name: "Save activity" }).click();
    const future = record.getByRole("list", { name: "Future activities" });
    await expectVisible(future.getByText("Call Pieter about the spring offer"));
    // Alice plans in Europe/Berlin: 10:15 there on 4 May is 08:15 UTC.
    const alice = await demo.stack.as("alice@contoso.com");
    const activities = await alice.get(`/api/activities?when=future&limit=200`);
    const saved = activities.body.items.find(
      (activity: { subject: string }) => activity.subject === "Call Pieter about the spring offer",
    );
    expect(saved).toMatchObject({ startsAt: "2099-05-04T08:15:00.000Z", type: "CALL", reminderMinutesBefore: 10 });
    await page.close();
  });

  it("sync now puts a planned activity into the Outlook calendar and says so on the activity", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await record.waitFor();
    await record.getByRole("button", { name: "New activity" }).click();
    const form = record.getByRole("form", { name: "New activity" });
    await form.getByLabel("Subject").fill("Visit Lena about the campaign");
    await form.getByLabel("Date").fill("2099-06-01");
    await form.getByLabel(/^Time(?! zone)/).fill("09:00");
    await form.getByRole("button", { name: "Save activity" }).click();
    const planned = record.getByRole("list", { name: "Future activities" }).getByRole("listitem").filter({
      hasText: "Visit Lena about the campaign",
    });
    await planned.waitFor();
    await record.getByRole("button", { name: "Sync with Outlook" }).click();
    await expectVisible(record.getByText("Outlook calendar is up to date."));
    await expectVisible(planned.getByText("In Outlook"));
    // The "Outlook sync" panel reads the service's health of Alice's sync after the sync.
    const panel = record.getByRole("region", { name: "Outlook sync" });
    await expectVisible(panel.getByText("Nothing waits for Outlook."));
    await expectVisible(panel.getByText(/^Last sent to Outlook: \d\d:\d\d · last read from Outlook: \d\d:\d\d$/));
    const events = demo.stack.graph.mailbox("demo-alice@contoso.com").live();
    expect(events.filter((event) => event.subject === "Visit Lena about the campaign")).toHaveLength(1);
    await page.close();
  });

  it("a salesman releases a new customer from the record, and the service records it", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Kim Abercrombie", "Service visit follow-up");
    const record = pane(page).getByRole("article", { name: "Customer record Adventure Works Cycles" });
    await record.waitFor();
    await record.getByRole("group", { name: "Lifecycle" }).getByRole("button", { name: "Release…" }).click();
    await record.getByRole("form", { name: "Release customer" }).getByRole("button", { name: "Release" }).click();
    await expectVisible(record.getByText("Released", { exact: true }));
    const alice = await demo.stack.as("alice@contoso.com");
    const found = await alice.get("/api/customers?search=Adventure%20Works");
    const saved = await alice.get(`/api/customers/${found.body.items[0].id}`);
    expect(saved.body.lifecycle).toMatchObject({
      state: "RELEASED",
      history: [{ transition: "RELEASE", from: "NEW", to: "RELEASED", changedBy: { email: "alice@contoso.com" } }],
    });
    await page.close();
  });

  it("a salesman links a colleague to a customer with the check boxes, and the service keeps both", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await record.getByRole("button", { name: "Change salesmen" }).click();
    const form = record.getByRole("form", { name: "Salesmen" });
    await form.getByRole("checkbox", { name: "Ben Okafor" }).check();
    await form.getByRole("button", { name: "Save salesmen" }).click();
    await expectVisible(record.getByText(/, Ben Okafor$/));

    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam, Inc.")).body.items[0];
    const stored = (await alice.get(`/api/customers/${fabrikam.id}`)).body.customer.salesmen;
    expect(stored.map((salesman: { email: string }) => salesman.email).sort()).toEqual([
      "alice@contoso.com",
      "ben@contoso.com",
    ]);
    await page.close();
  });

  it("a cold call is recorded finished with its outcome in one step", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Nancy Davolio", "Delivery dates for Q3");
    const record = pane(page).getByRole("article", { name: "Customer record Northwind Traders" });
    await record.waitFor();
    await record.getByRole("button", { name: "Cold call" }).click();
    const form = record.getByRole("form", { name: "Cold call" });
    await form.getByLabel("Outcome").selectOption({ label: "No answer" });
    // A sample without its batch: the service refuses, and neither the call nor the sample is saved.
    await form.getByRole("button", { name: "Add sample" }).click();
    const sample = form.getByRole("group", { name: "Sample 1" });
    await sample.getByRole("textbox", { name: /^Item code/ }).fill("CAT-2027");
    await form.getByRole("button", { name: "Save call" }).click();
    await expectVisible(form.getByText(/Batch/).last());
    await sample.getByRole("textbox", { name: /^Batch/ }).fill("CAT-LOT-7");
    await form.getByRole("button", { name: "Save call" }).click();
    await record.getByRole("switch", { name: "Show finished" }).check();
    await expectVisible(record.getByRole("list", { name: "History activities" }).getByText("Cold call: no answer"));
    const alice = await demo.stack.as("alice@contoso.com");
    const found = await alice.get("/api/customers?search=Northwind");
    const history = await alice.get(`/api/activities?customerId=${found.body.items[0].id}&when=history`);
    expect(history.body.items[0]).toMatchObject({
      type: "CALL",
      status: "FINISHED",
      subject: "Cold call: no answer",
      owner: { email: "alice@contoso.com" },
    });
    expect(
      history.body.items.filter((item: { subject: string }) => item.subject === "Cold call: no answer"),
    ).toHaveLength(1);
    const { samples } = (await alice.get(`/api/customers/${found.body.items[0].id}`)).body;
    expect(samples[0]).toMatchObject({
      itemCode: "CAT-2027",
      quantity: 1,
      batch: "CAT-LOT-7",
      activityId: history.body.items[0].id,
    });
    await page.close();
  });

  it("is usable with the keyboard: from the pane's tabs, Tab reaches the log button and Enter logs", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Max Huber", "Meeting next week?");
    const button = pane(page).getByRole("button", { name: "Log this email" });
    await button.waitFor();
    await pane(page).getByRole("tab", { name: "This email" }).focus();
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press("Tab");
      if (await button.evaluate((element) => element === document.activeElement)) break;
    }
    await page.keyboard.press("Enter");
    await expectVisible(pane(page).getByRole("status").getByText("✓ Logged"));
    await page.close();
  });
});
