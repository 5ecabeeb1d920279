import { screen, within } from "@testing-library/react";
import { createFakeCrm } from "./support/fake-crm";
import { GIULIA, JONAS, renderPane, useFakeServer } from "./support/render-pane";

useFakeServer();

const alice = { id: "00000000-0000-4000-8000-00000000a11c", name: "Alice Wagner", email: "alice@contoso.com" };
const stamp = {
  createdBy: alice,
  createdAt: "2026-01-05T09:00:00.000Z",
  modifiedAt: "2026-01-05T09:00:00.000Z",
  version: 1,
};

describe("opportunities, incidents and open actions in the record", () => {
  it("lists them with stage, value, severity, state and due day", async () => {
    const crm = createFakeCrm();
    const customerId = crm.customers.fabrikam.id;
    crm.opportunities.push({
      id: "00000000-0000-4000-8000-0000000000f1",
      customerId,
      title: "Framework agreement 2027",
      value: "125000.00",
      currency: "EUR",
      stage: "PROPOSAL",
      expectedCloseDate: "2027-03-31",
      probability: 50,
      owner: alice,
      actions: [],
      ...stamp,
    });
    crm.incidents.push({
      id: "00000000-0000-4000-8000-0000000000f2",
      customerId,
      contactId: null,
      subject: "Conveyor stops after an hour",
      description: null,
      severity: "CRITICAL",
      state: "IN_PROGRESS",
      owner: alice,
      actions: [],
      ...stamp,
    });
    const { createdBy: _createdBy, ...actionStamp } = stamp;
    crm.openActions.push({
      id: "00000000-0000-4000-8000-0000000000f3",
      title: "Send the revised price list",
      notes: null,
      dueDate: "2027-01-15",
      owner: alice,
      done: false,
      doneAt: null,
      opportunityId: null,
      incidentId: null,
      customerId,
      contactId: null,
      ...actionStamp,
    });
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });

    const opportunities = within(record).getByRole("region", { name: "Opportunities" });
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
    expect(within(record).getByText("No opportunities.")).toBeInTheDocument();
    expect(within(record).getByText("No incidents.")).toBeInTheDocument();
    expect(within(record).getByText("Nothing to do.")).toBeInTheDocument();
  });
});
