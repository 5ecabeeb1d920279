import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// The daily loop in the built pane, in Chromium: an overdue call is marked and listed first, opens
// from the record, and is finished there with its outcome, all inside the narrow pane.
describeBrowser("the activity daily loop in a real browser", () => {
  const demo = useDemoBrowser();

  it("finishes an overdue call from the record without the pane scrolling sideways", async () => {
    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam, Inc.")).body.items[0];
    const created = await alice.post("/api/activities", {
      customerId: fabrikam.id,
      type: "CALL",
      subject: "Call Lena back about the campaign budget",
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
      reminderMinutesBefore: 15,
    });
    expect(created.status).toBe(201);

    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    const overdue = record.getByRole("list", { name: "Overdue activities" });
    const call = overdue.getByRole("listitem").filter({ hasText: "Call Lena back about the campaign budget" });
    await expectVisible(call.getByText("Overdue", { exact: true }));
    await expectVisible(call.getByText(/Reminder 15 minutes before/));
    await call.getByRole("button", { name: "Open Call Lena back about the campaign budget" }).click();
    await call.getByRole("button", { name: "Finish" }).click();
    const form = call.getByRole("form", { name: "Finish Call Lena back about the campaign budget" });
    await form.getByRole("combobox", { name: "Call outcome" }).selectOption({ label: "Meeting agreed" });
    await form.getByRole("textbox", { name: "Outcome" }).fill("Meets us on Thursday with the budget");

    // The opened activity and its form fit the pane: nothing wider than it.
    const fits = await pane(page).evaluate((element) => element.scrollWidth <= element.clientWidth);
    expect(fits).toBe(true);

    await form.getByRole("button", { name: "Mark as done" }).click();
    // Done: it leaves the overdue ones (the demo's own overdue follow-ups may stay).
    await call.waitFor({ state: "detached", timeout: 15_000 });
    const stored = (await alice.get(`/api/activities/${created.body.id}`)).body;
    expect(stored).toMatchObject({
      status: "FINISHED",
      callOutcome: "MEETING_AGREED",
      outcome: "Meets us on Thursday with the budget",
    });
    await page.close();
  });
});
