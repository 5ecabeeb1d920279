import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BEN, ok } from "./support/crm-world";
import { renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();
const oliverNow = () => crm.read(`/api/contacts/${crm.contacts.oliver.id}`);

const OLIVER = { email: "oliver.stone@gmail.com", name: "Oliver Stone" };

async function pickFabrikam(user: ReturnType<typeof userEvent.setup>, form: HTMLElement, customerId: string) {
  await user.type(within(form).getByLabelText("Find customer"), "fabrikam, inc");
  await within(form).findByRole("option", { name: /Fabrikam, Inc\. \(10001/ });
  await user.selectOptions(within(form).getByRole("combobox", { name: "Customer" }), customerId);
}

describe("moving an unassigned contact to a customer", () => {
  it("offers it for the unassigned sender, moves it and opens that customer's record", async () => {
    const user = userEvent.setup();
    renderPane({ from: OLIVER, subject: "Your offer" });
    expect(await screen.findByText("Oliver Stone · unassigned contact")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Move to customer" }));
    const form = await screen.findByRole("form", { name: "Move Oliver Stone to a customer" });
    await pickFabrikam(user, form, crm.customers.fabrikam.id);
    await user.click(within(form).getByRole("button", { name: "Move contact" }));

    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(within(record).getAllByText(/Oliver Stone/).length).toBeGreaterThan(0);
    expect(await oliverNow()).toMatchObject({
      customerId: crm.customers.fabrikam.id,
      version: 2,
    });
    expect(await screen.findByText("Oliver Stone · Fabrikam, Inc.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Move to customer" })).not.toBeInTheDocument();
  });

  it("is not offered for a contact who already belongs to a customer", async () => {
    renderPane({ from: { email: "jonas.keller@fabrikam.com", name: "Jonas Keller" }, subject: "Hi" });
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(screen.queryByRole("button", { name: "Move to customer" })).not.toBeInTheDocument();
  });

  it("says when a colleague changed the contact meanwhile, reloads it, and moves on the next try", async () => {
    const user = userEvent.setup();
    renderPane({ from: OLIVER, subject: "Your offer" });
    await user.click(await screen.findByRole("button", { name: "Move to customer" }));
    const form = await screen.findByRole("form", { name: "Move Oliver Stone to a customer" });
    // A colleague adds Oliver's phone on his own device while the form is open.
    const ben = await crm.as(BEN);
    await ok(
      ben.patch(`/api/contacts/${crm.contacts.oliver.id}`, { phone: "+49 171 555", version: 1 }),
      200,
      "Ben's edit",
    );
    await pickFabrikam(user, form, crm.customers.fabrikam.id);
    await user.click(within(form).getByRole("button", { name: "Move contact" }));
    expect(await within(form).findByText(/Changed by someone else – reloaded/)).toBeInTheDocument();
    expect((await oliverNow()).customerId).toBeNull();

    await waitFor(() => expect(within(form).getByRole("button", { name: "Move contact" })).toBeEnabled());
    await user.click(within(form).getByRole("button", { name: "Move contact" }));
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    expect(await oliverNow()).toMatchObject({
      customerId: crm.customers.fabrikam.id,
      phone: "+49 171 555",
      version: 3,
    });
  });
});
