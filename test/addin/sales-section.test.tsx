import { screen, within } from "@testing-library/react";
import { ALICE, ok } from "./support/crm-world";
import { GIULIA, JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

describe("opportunities, incidents and open actions in the record", () => {
  it("lists them with stage, value, severity, state and due day", async () => {
    const alice = await crm.as(ALICE);
    const customerId = crm.customers.fabrikam.id;
    await ok(
      alice.post("/api/opportunities", {
        customerId,
        title: "Framework agreement 2027",
        value: "125000.00",
        currency: "EUR",
        stage: "PROPOSAL",
        expectedCloseDate: "2027-03-31",
        probability: 50,
      }),
      201,
      "opportunity",
    );
    await ok(
      alice.post("/api/incidents", {
        customerId,
        subject: "Conveyor stops after an hour",
        severity: "CRITICAL",
        state: "IN_PROGRESS",
      }),
      201,
      "incident",
    );
    await ok(
      alice.post("/api/actions", { customerId, title: "Send the revised price list", dueDate: "2027-01-15" }),
      201,
      "action",
    );
    renderPane({ from: JONAS, subject: "Open order" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });

    const opportunities = await within(record).findByRole("region", { name: "Opportunities" });
    expect(within(opportunities).getByText(/Framework agreement 2027/)).toBeInTheDocument();
    expect(
      within(opportunities).getByRole("combobox", { name: "Stage of Framework agreement 2027" }),
    ).toHaveDisplayValue("Proposal");
    expect(within(opportunities).getByText(/125,000\.00.*50%.*close 2027-03-31/)).toBeInTheDocument();
    const incidents = within(record).getByRole("region", { name: "Incidents" });
    expect(within(incidents).getByText("critical")).toBeInTheDocument();
    expect(
      within(incidents).getByRole("combobox", { name: "State of Conveyor stops after an hour" }),
    ).toHaveDisplayValue("In progress");
    expect(within(incidents).getByText(/Alice Wagner · opened/)).toBeInTheDocument();
    const actions = within(record).getByRole("region", { name: "Open actions" });
    expect(within(actions).getByText("Send the revised price list")).toBeInTheDocument();
    expect(within(actions).getByText("due 2027-01-15 · Alice Wagner")).toBeInTheDocument();
  });

  it("says so when there are none", async () => {
    renderPane({ from: GIULIA, subject: "Fair follow-up" });
    const record = await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    // The Overview's sections come a moment after the record's head (a deferred render).
    expect(await within(record).findByText("No opportunities.")).toBeInTheDocument();
    expect(within(record).getByText("No incidents.")).toBeInTheDocument();
    expect(within(record).getByText("Nothing to do.")).toBeInTheDocument();
  });
});
