import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// The built pane in Chromium against the real service with the demo data: an opportunity through
// its stages, an incident with an action ticked off, and an unassigned contact placed under a customer.
describeBrowser("sales pipeline and contacts in a real browser", () => {
  const demo = useDemoBrowser();

  const customerId = async (name: string) => {
    const alice = await demo.stack.as("alice@contoso.com");
    return (await alice.get(`/api/customers?search=${encodeURIComponent(name)}`)).body.items[0].id as string;
  };

  it("creates an opportunity and moves its stage", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await record.getByRole("button", { name: "New opportunity" }).click();
    const form = record.getByRole("form", { name: "New opportunity" });
    await form.getByLabel("Title").fill("Spring campaign displays");
    await form.getByLabel("Value").fill("48500");
    await form.getByLabel("Stage").selectOption("QUALIFICATION");
    await form.getByLabel("Expected close").fill("2099-04-30");
    await form.getByRole("button", { name: "Create opportunity" }).click();

    const stage = record.getByRole("combobox", { name: "Stage of Spring campaign displays" });
    await expectVisible(stage);
    await expectVisible(record.getByText(/48,500\.00.*25%.*close 2099-04-30/));
    await stage.selectOption("NEGOTIATION");

    // The stage moves on its own; the probability stays as given until the deal is won or lost.
    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = await customerId("Fabrikam, Inc.");
    const stored = await eventually(async () => {
      const list = await alice.get(`/api/opportunities?customerId=${fabrikam}`);
      const found = list.body.items.find((item: { title: string }) => item.title === "Spring campaign displays");
      return found?.stage === "NEGOTIATION" ? found : null;
    });
    expect(stored).toMatchObject({
      value: "48500.00",
      currency: "EUR",
      probability: 25,
      expectedCloseDate: "2099-04-30",
      owner: { email: "alice@contoso.com" },
      version: 2,
    });
    // Won: one select again, and the service settles the probability, which the pane shows.
    await stage.selectOption("WON");
    await expectVisible(record.getByText(/48,500\.00.*100%/));
    await page.close();
  });

  it("creates an incident with an action and marks the action done", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Giulia Conti", "Question about our open order");
    const record = pane(page).getByRole("article", { name: "Customer record Tailspin Toys" });
    await record.getByRole("button", { name: "New incident" }).click();
    const form = record.getByRole("form", { name: "New incident" });
    await form.getByLabel("Subject").fill("Wrong colour on 40 units");
    await form.getByLabel("Severity").selectOption("HIGH");
    await form.getByRole("button", { name: "Create incident" }).click();

    await record.getByRole("button", { name: "Open Wrong colour on 40 units" }).click();
    const incident = record.getByRole("region", { name: "Wrong colour on 40 units" });
    await incident.getByRole("button", { name: "New action" }).click();
    const action = incident.getByRole("form", { name: "New action" });
    await action.getByLabel("Title").fill("Ship replacement units");
    await action.getByLabel("Due date").fill("2099-02-10");
    await action.getByRole("button", { name: "Create action" }).click();
    const done = incident.getByRole("checkbox", { name: "Done: Ship replacement units" });
    await expectVisible(done);
    await done.click();
    await expectVisible(incident.getByText(/due 2099-02-10 · .* · done/));

    const alice = await demo.stack.as("alice@contoso.com");
    const incidents = await alice.get(`/api/incidents?customerId=${await customerId("Tailspin Toys")}`);
    const stored = incidents.body.items.find(
      (item: { subject: string }) => item.subject === "Wrong colour on 40 units",
    );
    expect(stored).toMatchObject({ severity: "HIGH", state: "OPEN", contactId: expect.any(String) });
    expect(stored.actions).toEqual([
      expect.objectContaining({
        title: "Ship replacement units",
        dueDate: "2099-02-10",
        done: true,
        doneAt: expect.any(String),
        incidentId: stored.id,
        version: 2,
      }),
    ]);
    await page.close();
  });

  it("moves an unassigned demo contact to a customer and shows that customer's record", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Oliver Stone", "Catching up after the fair");
    await expectVisible(pane(page).getByText("Oliver Stone · unassigned contact"));
    await pane(page).getByRole("button", { name: "Move to customer" }).click();
    const form = pane(page).getByRole("form", { name: "Move Oliver Stone to a customer" });
    await form.getByLabel("Find customer").fill("Tailspin");
    const option = form.getByRole("option", { name: /Tailspin Toys/ });
    await option.waitFor({ state: "attached", timeout: 15_000 });
    await form.getByLabel("Customer", { exact: true }).selectOption((await option.getAttribute("value"))!);
    await form.getByRole("button", { name: "Move contact" }).click();
    await expectVisible(pane(page).getByRole("article", { name: "Customer record Tailspin Toys" }));
    await expectVisible(pane(page).getByText("Oliver Stone · Tailspin Toys"));

    const alice = await demo.stack.as("alice@contoso.com");
    const lookup = await alice.get("/api/lookup?email=oliver.stone%40gmail.com");
    expect(lookup.body.matches[0]).toMatchObject({ customer: { name: "Tailspin Toys" } });
    await page.close();
  });
});

/** Asks again until the answer is not null (the pane saves in the background). */
async function eventually<T>(ask: () => Promise<T | null>): Promise<T> {
  for (let tries = 0; tries < 50; tries++) {
    const answer = await ask();
    if (answer !== null) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("no answer in 10 seconds");
}
