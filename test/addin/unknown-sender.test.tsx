import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

describe("an unknown sender becomes a contact", () => {
  it("creates the contact, prefilled, under the customer found by the domain, and opens its record", async () => {
    const user = userEvent.setup();
    renderPane({ from: { email: "marco.rossi@tailspintoys.com", name: "Marco Rossi" }, subject: "Hi" });
    expect(await screen.findByText("Unknown person at Tailspin Toys")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add as contact" }));
    const form = screen.getByRole("form", { name: "New contact" });
    expect(within(form).getByLabelText(/First name/)).toHaveValue("Marco");
    expect(within(form).getByLabelText(/Last name/)).toHaveValue("Rossi");
    expect(within(form).getByRole("radio", { name: /Tailspin Toys \(10004\), by the email domain/ })).toBeChecked();
    await user.type(within(form).getByLabelText("Role"), "Buyer");
    await user.click(within(form).getByRole("button", { name: "Create contact" }));
    expect(await screen.findByRole("article", { name: "Customer record Tailspin Toys" })).toBeInTheDocument();
    expect(await crm.lastCreated("/api/contacts")).toMatchObject({
      firstName: "Marco",
      lastName: "Rossi",
      emails: ["marco.rossi@tailspintoys.com"],
      customerId: crm.customers.tailspin.id,
    });
    expect(screen.getByText("Marco Rossi · Tailspin Toys")).toBeInTheDocument();
  });

  it("can place the contact under another customer found by search", async () => {
    const user = userEvent.setup();
    renderPane({ from: { email: "kim@freemail.example", name: "Kim Abercrombie" }, subject: "Hi" });
    expect(await screen.findByText("Not in the CRM")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add as contact" }));
    const form = screen.getByRole("form", { name: "New contact" });
    await user.click(within(form).getByRole("radio", { name: "Another customer…" }));
    await user.type(within(form).getByLabelText("Find customer"), "fabrikam, inc");
    const select = await within(form).findByRole("combobox", { name: "Customer" });
    await within(form).findByRole("option", { name: /Fabrikam, Inc\. \(10001/ });
    await user.selectOptions(select, crm.customers.fabrikam.id);
    await user.click(within(form).getByRole("button", { name: "Create contact" }));
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    expect(await crm.lastCreated("/api/contacts")).toMatchObject({
      customerId: crm.customers.fabrikam.id,
      firstName: "Kim",
    });
  });

  it("can keep the contact unassigned", async () => {
    const user = userEvent.setup();
    renderPane({ from: { email: "sam.lee@freemail.example", name: "" }, subject: "Hi" });
    await user.click(await screen.findByRole("button", { name: "Add as contact" }));
    const form = screen.getByRole("form", { name: "New contact" });
    // No display name: the name comes from the address.
    expect(within(form).getByLabelText(/First name/)).toHaveValue("Sam");
    expect(within(form).getByLabelText(/Last name/)).toHaveValue("Lee");
    expect(within(form).getByRole("radio", { name: "Unassigned for now" })).toBeChecked();
    await user.click(within(form).getByRole("button", { name: "Create contact" }));
    expect(await screen.findByText("Sam Lee · unassigned contact")).toBeInTheDocument();
    expect(await crm.lastCreated("/api/contacts")).toMatchObject({
      customerId: null,
      emails: ["sam.lee@freemail.example"],
    });
  });

  it("can create the customer first, recognising the sender's domain, and put the contact under it", async () => {
    const user = userEvent.setup();
    renderPane({
      from: { email: "tom.baker@blueyonder.example", name: "Tom Baker" },
      subject: "Quote",
    });
    await user.click(await screen.findByRole("button", { name: "Add as contact" }));
    await user.click(screen.getByRole("button", { name: "Create a new customer instead" }));
    const form = screen.getByRole("form", { name: "New customer" });
    // What is required is said before the click; a salesman types no account number, the sequence gives it.
    expect(within(form).getByText("Fields marked * are required.")).toBeInTheDocument();
    expect(within(form).getByText("The account number is given when you save.")).toBeInTheDocument();
    expect(within(form).queryByRole("textbox", { name: /Account number/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Create customer" }));
    await waitFor(() =>
      expect(within(form).getByRole("textbox", { name: /^Company name/ })).toHaveAttribute("aria-invalid", "true"),
    );
    expect(within(form).getByText("Required")).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/Company name/), "Blue Yonder Airlines");
    await user.type(within(form).getByRole("textbox", { name: "Street" }), "Runway 1");
    await user.type(within(form).getByRole("textbox", { name: "Postal code" }), "98101");
    await user.type(within(form).getByRole("textbox", { name: "City" }), "Seattle");
    await user.type(within(form).getByRole("textbox", { name: "Country" }), "United States");
    expect(within(form).getByRole("checkbox", { name: /Recognise emails from @blueyonder.example/ })).toBeChecked();
    await user.click(within(form).getByRole("button", { name: "Create customer" }));
    const record = await screen.findByRole("article", { name: "Customer record Blue Yonder Airlines" });
    expect(within(record).getByText("Runway 1, 98101 Seattle, United States")).toBeInTheDocument();
    const created = crm.requests.find(
      (request) => request.method === "POST" && request.path === "/api/customers" && request.body,
    );
    expect((await crm.lastCreated("/api/customers")).customer).toMatchObject({
      name: "Blue Yonder Airlines",
      accountNumber: expect.stringMatching(/^\d{5,}$/),
      address: { street: "Runway 1", postalCode: "98101", city: "Seattle", country: "United States" },
      emailDomains: ["blueyonder.example"],
      status: { code: 2 },
    });
    expect(created?.body).not.toHaveProperty("accountNumber");
    expect(await crm.lastCreated("/api/contacts")).toMatchObject({ firstName: "Tom", lastName: "Baker" });
  });

  it("offers status 1 (customer) for a new customer only to managers and admins", async () => {
    const user = userEvent.setup();
    const open = async (role: "SALESMAN" | "MANAGER") => {
      crm.me.role = role;
      const view = renderPane({ from: { email: "tom.baker@blueyonder.example", name: "Tom Baker" }, subject: "Hi" });
      await user.click(await screen.findByRole("button", { name: "Add as contact" }));
      await user.click(screen.getByRole("button", { name: "Create a new customer instead" }));
      const status = within(screen.getByRole("form", { name: "New customer" })).getByRole("combobox", {
        name: "Status",
      });
      // The statuses as the service lists them (before they come, the form offers only Prospect).
      await within(status).findByRole("option", { name: /^3 · / });
      const options = within(status)
        .getAllByRole("option")
        .map((option) => option.textContent);
      view.unmount();
      return options;
    };
    expect(await open("SALESMAN")).not.toContain("1 · Customer");
    expect(await open("MANAGER")).toContain("1 · Customer");
  });

  it("never offers a free-mail domain for recognising a new customer", async () => {
    const user = userEvent.setup();
    renderPane({ from: { email: "someone@gmail.com", name: "Some One" }, subject: "Hi" });
    await user.click(await screen.findByRole("button", { name: "Add as contact" }));
    await user.click(screen.getByRole("button", { name: "Create a new customer instead" }));
    expect(screen.queryByRole("checkbox", { name: /Recognise emails/ })).not.toBeInTheDocument();
  });
});
