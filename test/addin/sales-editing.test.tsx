import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MIA, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();
/** The only opportunity, incident or action (open or done) of Fabrikam in a test, as the service has it now. */
const onlyOne = async (path: string) => (await crm.read(`${path}?customerId=${crm.customers.fabrikam.id}`)).items[0];
const opportunity = () => onlyOne("/api/opportunities");
const incident = () => onlyOne("/api/incidents");
const storedAction = async () =>
  (await crm.read(`/api/actions?customerId=${crm.customers.fabrikam.id}&open=false`)).items[0];

const record = () => screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
const region = async (name: string) => within(await record()).getByRole("region", { name });

async function withOpportunity() {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "Framework" });
  await user.click(await screen.findByRole("button", { name: "New opportunity" }));
  const form = screen.getByRole("form", { name: "New opportunity" });
  await user.type(within(form).getByRole("textbox", { name: /Title/ }), "Framework agreement 2027");
  await user.type(within(form).getByRole("textbox", { name: /Value/ }), "125000");
  await user.selectOptions(within(form).getByRole("combobox", { name: "Stage" }), "PROPOSAL");
  await user.type(within(form).getByLabelText("Expected close"), "2027-03-31");
  await user.click(within(form).getByRole("button", { name: "Create opportunity" }));
  await waitFor(() => expect(screen.queryByRole("form", { name: "New opportunity" })).not.toBeInTheDocument());
  return user;
}

describe("opportunities in the pane", () => {
  it("creates one owned by me, the probability following the stage, and lists it", async () => {
    await withOpportunity();
    const list = await region("Opportunities");
    expect(await within(list).findByText("Framework agreement 2027")).toBeInTheDocument();
    expect(within(list).getByText(/125,000\.00.*50%.*close 2027-03-31.*Alice Wagner/)).toBeInTheDocument();
    expect(within(list).getByRole("combobox", { name: "Stage of Framework agreement 2027" })).toHaveValue("PROPOSAL");
    expect(await opportunity()).toMatchObject({ customerId: crm.customers.fabrikam.id, owner: { id: crm.me.id } });
  });

  it("shows the service's refusal next to the field and keeps what was typed", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Framework" });
    await user.click(await screen.findByRole("button", { name: "New opportunity" }));
    const form = screen.getByRole("form", { name: "New opportunity" });
    await user.type(within(form).getByRole("textbox", { name: /Title/ }), "Spare parts");
    await user.type(within(form).getByRole("textbox", { name: /Value/ }), "12.345");
    await user.type(within(form).getByRole("spinbutton", { name: /Probability/ }), "150");
    await user.click(within(form).getByRole("button", { name: "Create opportunity" }));
    const value = within(form).getByRole("textbox", { name: /Value/ });
    await waitFor(() => expect(value).toHaveAccessibleDescription(/at most 12 digits before and 2 after/));
    expect(within(form).getByRole("spinbutton", { name: /Probability/ })).toHaveAccessibleDescription(/100/);
    expect(value).toHaveValue("12.345");
    expect(await opportunity()).toBeUndefined();
  });

  it("moves the stage in one select; winning settles the probability", async () => {
    const user = await withOpportunity();
    const stage = await within(await region("Opportunities")).findByRole("combobox", {
      name: "Stage of Framework agreement 2027",
    });
    await user.selectOptions(stage, "WON");
    expect(await within(await region("Opportunities")).findByText(/100%/)).toBeInTheDocument();
    expect(await opportunity()).toMatchObject({ stage: "WON", probability: 100, version: 2 });
    const patch = crm.requests.find((request) => request.method === "PATCH");
    expect(patch?.body).toEqual({ stage: "WON", version: 1 });
  });

  it("says a colleague changed it, reloads, and the next change goes through", async () => {
    const user = await withOpportunity();
    // The accounts department moved it meanwhile.
    const mia = await crm.as(MIA);
    await ok(
      mia.patch(`/api/opportunities/${(await opportunity()).id}`, { stage: "NEGOTIATION", version: 1 }),
      200,
      "Mia's move",
    );
    const list = await region("Opportunities");
    await user.selectOptions(within(list).getByRole("combobox", { name: /Stage of/ }), "LOST");
    expect(await screen.findByText(/Changed by someone else – reloaded/)).toBeInTheDocument();
    await waitFor(() => expect(within(list).getByRole("combobox", { name: /Stage of/ })).toHaveValue("NEGOTIATION"));
    await user.selectOptions(within(list).getByRole("combobox", { name: /Stage of/ }), "WON");
    await waitFor(async () => expect(await opportunity()).toMatchObject({ stage: "WON", version: 3 }));
  });

  it("edits its fields, sending only what changed", async () => {
    const user = await withOpportunity();
    await user.click(await screen.findByRole("button", { name: "Open Framework agreement 2027" }));
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit opportunity Framework agreement 2027" });
    const value = within(form).getByRole("textbox", { name: /Value/ });
    await user.clear(value);
    await user.type(value, "99000");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Owner" }), "Ben Okafor");
    await user.click(within(form).getByRole("button", { name: "Save opportunity" }));
    expect(await within(await region("Opportunities")).findByText(/99,000\.00.*Ben Okafor/)).toBeInTheDocument();
    const patch = crm.requests.find((request) => request.method === "PATCH");
    expect(patch?.body).toEqual({ value: "99000", ownerId: expect.any(String), version: 1 });
  });
});

describe("incidents and their actions in the pane", () => {
  it("opens an incident for the sender, plans an action for a colleague, and ticks it off and back", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Conveyor" });
    await user.click(await screen.findByRole("button", { name: "New incident" }));
    const form = screen.getByRole("form", { name: "New incident" });
    await user.type(within(form).getByRole("textbox", { name: /Subject/ }), "Conveyor stops after an hour");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Severity" }), "CRITICAL");
    expect(within(form).getByRole("combobox", { name: "Contact" })).toHaveDisplayValue("Jonas Keller");
    await user.type(within(form).getByRole("textbox", { name: "Description" }), "Since the update.");
    await user.click(within(form).getByRole("button", { name: "Create incident" }));
    const incidents = await region("Incidents");
    expect(await within(incidents).findByText("critical")).toBeInTheDocument();
    expect(await incident()).toMatchObject({
      contactId: crm.contacts.jonas.id,
      description: "Since the update.",
      state: "OPEN",
    });

    await user.selectOptions(within(incidents).getByRole("combobox", { name: /State of/ }), "IN_PROGRESS");
    await waitFor(async () => expect(await incident()).toMatchObject({ state: "IN_PROGRESS", version: 2 }));

    await user.click(within(incidents).getByRole("button", { name: "Open Conveyor stops after an hour" }));
    const details = within(incidents).getByRole("region", { name: "Conveyor stops after an hour" });
    expect(within(details).getByText("No actions yet.")).toBeInTheDocument();
    await user.click(within(details).getByRole("button", { name: "New action" }));
    const action = within(details).getByRole("form", { name: "New action" });
    expect(within(action).getByRole("combobox", { name: "Attached to" })).toHaveDisplayValue(
      "Incident Conveyor stops after an hour",
    );
    await user.type(within(action).getByRole("textbox", { name: /Title/ }), "Send a technician");
    await user.type(within(action).getByLabelText("Due date"), "2027-01-20");
    await user.selectOptions(within(action).getByRole("combobox", { name: "Owner" }), "Ben Okafor");
    await user.click(within(action).getByRole("button", { name: "Create action" }));

    const actions = await within(details).findByRole("list", { name: "Actions of Conveyor stops after an hour" });
    expect(within(actions).getByText("due 2027-01-20 · Ben Okafor")).toBeInTheDocument();
    expect(await storedAction()).toMatchObject({ incidentId: (await incident()).id, title: "Send a technician" });
    // Open actions of the whole customer show it too.
    expect(within(await region("Open actions")).getByText("Send a technician")).toBeInTheDocument();

    // A manager may tick off a colleague's action; a salesman only their own.
    crm.me.role = "MANAGER";
    await user.click(within(actions).getByRole("checkbox", { name: "Done: Send a technician" }));
    await waitFor(async () => expect(await storedAction()).toMatchObject({ done: true, version: 2 }));
    expect(await within(await region("Open actions")).findByText("Nothing to do.")).toBeInTheDocument();
    expect(within(actions).getByRole("checkbox", { name: "Done: Send a technician" })).toBeChecked();
    await user.click(within(actions).getByRole("checkbox", { name: "Done: Send a technician" }));
    await waitFor(async () => expect(await storedAction()).toMatchObject({ done: false, doneAt: null, version: 3 }));
  });

  it("says so when the service refuses ticking off someone else's action", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Conveyor" });
    await user.click(await screen.findByRole("button", { name: "New action" }));
    const form = screen.getByRole("form", { name: "New action" });
    await user.type(within(form).getByRole("textbox", { name: /Title/ }), "Call about the invoice");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Attached to" }), "Contact Jonas Keller");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Owner" }), "Ben Okafor");
    await user.click(within(form).getByRole("button", { name: "Create action" }));
    const open = await region("Open actions");
    await user.click(await within(open).findByRole("checkbox", { name: "Done: Call about the invoice" }));
    // The fake said "Only its owner, a manager or an admin may change this action"; the service says
    // "You are not its owner, so you may not change an action (actions:change): only its owner, a
    // manager or an admin may", worded from the authorisation table.
    expect(await screen.findByText(/only its owner, a manager or an admin may/)).toBeInTheDocument();
    expect(await storedAction()).toMatchObject({ contactId: crm.contacts.jonas.id, done: false });
  });

  it("edits an action: new title and due day", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Visit" });
    await user.click(await screen.findByRole("button", { name: "New action" }));
    const form = screen.getByRole("form", { name: "New action" });
    await user.type(within(form).getByRole("textbox", { name: /Title/ }), "Prepare the visit");
    await user.click(within(form).getByRole("button", { name: "Create action" }));
    const open = await region("Open actions");
    await user.click(await within(open).findByRole("button", { name: "Edit action Prepare the visit" }));
    const edit = within(open).getByRole("form", { name: "Edit action Prepare the visit" });
    const title = within(edit).getByRole("textbox", { name: /Title/ });
    await user.clear(title);
    await user.type(title, "Prepare the visit with Ben");
    await user.type(within(edit).getByLabelText("Due date"), "2027-02-01");
    await user.click(within(edit).getByRole("button", { name: "Save action" }));
    expect(await within(open).findByText("Prepare the visit with Ben")).toBeInTheDocument();
    expect(within(open).getByText("due 2027-02-01 · Alice Wagner")).toBeInTheDocument();
    expect(await storedAction()).toMatchObject({ customerId: crm.customers.fabrikam.id, version: 2 });
  });
});

describe("done actions", () => {
  it("shows the customer's done actions on request and reopens one in one click", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Visit" });
    await user.click(await screen.findByRole("button", { name: "New action" }));
    const form = screen.getByRole("form", { name: "New action" });
    await user.type(within(form).getByRole("textbox", { name: /Title/ }), "Book the meeting room");
    await user.click(within(form).getByRole("button", { name: "Create action" }));
    const open = await region("Open actions");
    await user.click(await within(open).findByRole("checkbox", { name: "Done: Book the meeting room" }));
    expect(await within(open).findByText("Nothing to do.")).toBeInTheDocument();

    await user.click(screen.getByRole("switch", { name: "Show done actions" }));
    const done = await screen.findByRole("list", { name: "Done actions of this customer" });
    await user.click(within(done).getByRole("checkbox", { name: "Done: Book the meeting room" }));
    expect(await within(open).findByRole("checkbox", { name: "Done: Book the meeting room" })).not.toBeChecked();
    expect(await storedAction()).toMatchObject({ done: false, version: 3 });
    expect(await screen.findByText("No done actions.")).toBeInTheDocument();
  });
});
