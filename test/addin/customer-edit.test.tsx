import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MIA } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();
const fabrikam = () => crm.read(`/api/customers/${crm.customers.fabrikam.id}`).then((record) => record.customer);

async function openEditor() {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "New address" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  // The record's editors arrive in their own chunk, a moment after the record is drawn.
  await user.click(await within(record).findByRole("button", { name: "Edit customer" }));
  const form = within(record).getByRole("form", { name: "Edit customer" });
  return { user, record, form };
}

const field = (form: HTMLElement, name: RegExp | string) => within(form).getByRole("textbox", { name });

describe("editing a customer's master data", () => {
  it("changes address, phone and types from the record; status 1 and the account number stay the managers'", async () => {
    const { user, record, form } = await openEditor();
    // What is required is said before the first click, and what the user may not change is said too.
    expect(within(form).getByText("Fields marked * are required.")).toBeInTheDocument();
    expect(within(form).getByRole("combobox", { name: "Status" })).toBeDisabled();
    expect(within(form).getByText("Only a manager or an admin takes status 1 (customer) away.")).toBeInTheDocument();
    expect(field(form, "Account number")).toHaveAttribute("readonly");
    expect(within(form).getByText("Only a manager or an admin changes account numbers.")).toBeInTheDocument();

    await user.clear(field(form, "Street"));
    await user.type(field(form, "Street"), "Friedrichstraße 100");
    await user.clear(field(form, "Postal code"));
    await user.type(field(form, "Postal code"), "10117");
    await user.type(field(form, "Region"), "Berlin");
    await user.clear(field(form, "Phone"));
    await user.type(field(form, "Phone"), "+49 30 555000");
    await user.click(await within(form).findByRole("checkbox", { name: "Reseller" }));
    await user.click(within(form).getByRole("checkbox", { name: "Key account" }));
    await user.click(within(form).getByRole("button", { name: "Save customer" }));

    expect(await within(record).findByText("Friedrichstraße 100, 10117 Berlin, Germany")).toBeInTheDocument();
    expect(within(record).getByText("+49 30 555000")).toBeInTheDocument();
    expect(await fabrikam()).toMatchObject({
      address: { street: "Friedrichstraße 100", postalCode: "10117", region: "Berlin", city: "Berlin" },
      phone: "+49 30 555000",
      types: ["Distributor", "Reseller"],
      status: { code: 1 },
      accountNumber: "10001",
      version: crm.customers.fabrikam.version + 1,
    });
    // Only what changed was sent: a colleague's edit of another field is not overwritten.
    const patch = crm.requests.find((request) => request.method === "PATCH");
    expect(Object.keys(patch!.body as object).sort()).toEqual(["address", "phone", "types", "version"]);
    expect((patch!.body as { address: object }).address).toEqual({
      street: "Friedrichstraße 100",
      postalCode: "10117",
      region: "Berlin",
    });
  });

  it("marks a cleared required field under it and saves nothing", async () => {
    const { user, form } = await openEditor();
    await user.clear(field(form, /^Company name/));
    await user.click(within(form).getByRole("button", { name: "Save customer" }));
    await waitFor(() => expect(field(form, /^Company name/)).toHaveAttribute("aria-invalid", "true"));
    expect(within(form).getByText("Required")).toBeInTheDocument();
    expect((await fabrikam()).name).toBe("Fabrikam, Inc.");
  });

  it("reloads after a colleague's change and applies the user's change on the next save", async () => {
    const { user, record, form } = await openEditor();
    const mia = await crm.as(MIA);
    const current = await fabrikam();
    expect(
      (
        await mia.patch(`/api/customers/${current.id}`, {
          version: current.version,
          website: "https://fabrikam.example",
        })
      ).status,
    ).toBe(200);
    await user.type(field(form, "Region"), "Berlin");
    await user.click(within(form).getByRole("button", { name: "Save customer" }));
    expect(await within(form).findByText(/Changed by someone else – reloaded/)).toBeInTheDocument();
    // The user reads the warning while the record reloads underneath (the first GET of it: the
    // record shown at first came along with the lookup).
    const reads = () =>
      crm.requests.filter((request) => request.method === "GET" && request.path === `/api/customers/${current.id}`);
    await waitFor(() => expect(reads()).toHaveLength(1));
    await reads()[0]!.answer;
    await user.click(within(form).getByRole("button", { name: "Save customer" }));
    await waitFor(() => expect(within(record).queryByRole("form", { name: "Edit customer" })).not.toBeInTheDocument());
    expect(await fabrikam()).toMatchObject({ website: "https://fabrikam.example", address: { region: "Berlin" } });
  });

  it("lets a manager renumber, naming a taken number at the field in plain words", async () => {
    crm.me.role = "MANAGER";
    const { user, record, form } = await openEditor();
    const number = field(form, /^Account number/);
    await user.clear(number);
    await user.type(number, "10014");
    await user.click(within(form).getByRole("button", { name: "Save customer" }));
    expect(await within(form).findByText("Another customer already has account number 10014.")).toBeInTheDocument();
    expect(number).toHaveAttribute("aria-invalid", "true");
    // No internal field name and no advice to reload.
    expect(form).not.toHaveTextContent(/accountNumber|Reload the record/);
    expect((await fabrikam()).accountNumber).toBe("10001");
    await user.clear(number);
    await user.type(number, "10099");
    await user.click(within(form).getByRole("button", { name: "Save customer" }));
    expect(await within(record).findByText("Account 10099")).toBeInTheDocument();
  });
});
