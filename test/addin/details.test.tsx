import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm, openRecordTab } from "./support/render-pane";

const crm = useCrm();
/** A list as the service has it now (the body's items). */
const stored = async (path: string) => {
  const body = await crm.read(path);
  return Array.isArray(body) ? body : body.items;
};
const thirdParties = () => stored(`/api/customers/${crm.customers.fabrikam.id}/third-parties`);
const consentOfJonas = async () => (await crm.read(`/api/contacts/${crm.contacts.jonas.id}/consent`)).history;

async function openDetails() {
  const user = userEvent.setup();
  const view = renderPane({ from: JONAS, subject: "Contract" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  await openRecordTab(user, record, "Details");
  return { ...view, user, record };
}

describe("the Details tab", () => {
  it("adds a third party after naming the missing role next to its field, then edits and deletes it", async () => {
    const { user, record } = await openDetails();
    const section = await within(record).findByRole("region", { name: "Third parties" });
    expect(within(section).getByText("No third parties.")).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Add third party" }));
    const form = within(section).getByRole("form", { name: "New third party" });
    await user.type(within(form).getByRole("textbox", { name: /^Name/ }), "Steuerkanzlei Weber");
    await user.type(within(form).getByLabelText("Contract start"), "2027-01-01");
    await user.type(within(form).getByLabelText("Contract end"), "2026-01-01");
    await user.click(within(form).getByRole("button", { name: "Save third party" }));

    // The service names both problems; each shows under its field and nothing is saved.
    const role = within(form).getByRole("textbox", { name: /^Role/ });
    expect(await within(form).findByText("Required")).toBeInTheDocument();
    expect(role).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByText("must not be before contract start")).toBeInTheDocument();
    expect(await thirdParties()).toHaveLength(0);

    await user.type(role, "Tax adviser");
    await user.clear(within(form).getByLabelText("Contract end"));
    await user.type(within(form).getByLabelText("Contract end"), "2027-12-31");
    await user.click(within(form).getByRole("button", { name: "Save third party" }));
    const list = await within(section).findByRole("list", { name: "Third parties" });
    expect(within(list).getByText("Steuerkanzlei Weber · Tax adviser")).toBeInTheDocument();
    expect(within(list).getByText("2027-01-01 – 2027-12-31")).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: "Edit Steuerkanzlei Weber" }));
    const edit = within(section).getByRole("form", { name: "Edit third party" });
    await user.type(within(edit).getByRole("textbox", { name: "Contract number" }), "V-2027-01");
    await user.click(within(edit).getByRole("button", { name: "Save third party" }));
    expect(await within(section).findByText(/contract V-2027-01/)).toBeInTheDocument();
    expect((await thirdParties())[0]).toMatchObject({ contractNumber: "V-2027-01", version: 2 });

    await user.click(within(section).getByRole("button", { name: "Delete Steuerkanzlei Weber" }));
    await user.click(within(section).getByRole("button", { name: "Confirm: delete Steuerkanzlei Weber" }));
    expect(await within(section).findByText("No third parties.")).toBeInTheDocument();
    expect(await thirdParties()).toHaveLength(0);
  });

  it("adds, changes and removes ship-to addresses; the mandatory ones are marked and named when missing", async () => {
    const { user, record } = await openDetails();
    const section = within(record).getByRole("region", { name: "Ship-to addresses" });
    await user.click(within(section).getByRole("button", { name: "Add ship-to address" }));
    const form = within(section).getByRole("form", { name: "New ship-to address" });
    await user.type(within(form).getByRole("textbox", { name: /^Name/ }), "Warehouse Hamburg");
    await user.type(within(form).getByRole("textbox", { name: /^Street/ }), "Hafenstraße 1");
    await user.click(within(form).getByRole("button", { name: "Save address" }));
    // The fields are there before the service has answered: wait for its answer to mark them.
    await waitFor(() =>
      expect(within(form).getByRole("textbox", { name: /^Postal code/ })).toHaveAttribute("aria-invalid", "true"),
    );
    for (const name of [/^Postal code/, /^City/, /^Country/])
      expect(await within(form).findByRole("textbox", { name })).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByRole("textbox", { name: /^Street/ })).not.toHaveAttribute("aria-invalid", "true");
    expect(await stored(`/api/customers/${crm.customers.fabrikam.id}/ship-to`)).toHaveLength(0);

    await user.type(within(form).getByRole("textbox", { name: /^Postal code/ }), "20457");
    await user.type(within(form).getByRole("textbox", { name: /^City/ }), "Hamburg");
    await user.type(within(form).getByRole("textbox", { name: /^Country/ }), "Germany");
    await user.click(within(form).getByRole("button", { name: "Save address" }));
    const list = await within(section).findByRole("list", { name: "Ship-to addresses" });
    expect(within(list).getByText("Hafenstraße 1, 20457 Hamburg, Germany")).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: "Edit Warehouse Hamburg" }));
    const edit = within(section).getByRole("form", { name: "Edit ship-to address" });
    await user.clear(within(edit).getByRole("textbox", { name: /^Street/ }));
    await user.type(within(edit).getByRole("textbox", { name: /^Street/ }), "Kai 7");
    await user.click(within(edit).getByRole("button", { name: "Save address" }));
    expect(await within(section).findByText("Kai 7, 20457 Hamburg, Germany")).toBeInTheDocument();

    await user.click(within(section).getByRole("button", { name: "Delete Warehouse Hamburg" }));
    await user.click(within(section).getByRole("button", { name: "Confirm: delete Warehouse Hamburg" }));
    expect(await within(section).findByText(/No ship-to addresses/)).toBeInTheDocument();
  });

  it("shows consent per channel, records a withdrawal with source and day, and the history on demand", async () => {
    const consent = { channel: "EMAIL", status: "GRANTED", source: "Web form", date: "2025-06-01" };
    await ok((await crm.as(ALICE)).post(`/api/contacts/${crm.contacts.jonas.id}/consent`, consent), 201, "consent");
    const { user, record } = await openDetails();
    const mine = within(record).getByRole("listitem", { name: "Consent of Jonas Keller" });
    const current = within(mine).getByRole("list", { name: "Current consent of Jonas Keller" });
    expect(current).toHaveTextContent("E-mail: Granted Web form, 2025-06-01");
    expect(current).toHaveTextContent("Phone: Not recorded");

    await user.click(within(mine).getByRole("button", { name: "Record consent for Jonas Keller" }));
    const form = within(mine).getByRole("form", { name: "Record consent for Jonas Keller" });
    await user.selectOptions(within(form).getByRole("combobox", { name: /Channel/ }), "E-mail");
    await user.click(within(form).getByRole("radio", { name: "Withdrawn" }));
    const date = within(form).getByLabelText(/Effective date/);
    await user.clear(date);
    await user.type(date, "2099-01-01");
    await user.click(within(form).getByRole("button", { name: "Save consent" }));
    // First the missing source is named, then the day in the future; nothing is recorded meanwhile.
    const source = within(form).getByRole("textbox", { name: /Source/ });
    await within(form).findByText("Required");
    expect(source).toHaveAttribute("aria-invalid", "true");
    await user.type(source, "Unsubscribe link");
    await user.click(within(form).getByRole("button", { name: "Save consent" }));
    expect(await within(form).findByText("must not be in the future")).toBeInTheDocument();
    expect(await consentOfJonas()).toHaveLength(1);

    await user.clear(date);
    await user.type(date, "2026-01-05");
    await user.click(within(form).getByRole("button", { name: "Save consent" }));
    await within(mine).findByRole("button", { name: "Record consent for Jonas Keller" });
    await waitFor(() =>
      expect(within(mine).getByRole("list", { name: "Current consent of Jonas Keller" })).toHaveTextContent(
        "E-mail: Withdrawn Unsubscribe link, 2026-01-05",
      ),
    );
    // The header marks the contact now.
    expect(within(record).getByText("No e-mail marketing")).toBeInTheDocument();

    await user.click(within(mine).getByRole("button", { name: "Show history" }));
    const history = await within(mine).findByRole("list", { name: "Consent history of Jonas Keller" });
    const entries = within(history).getAllByRole("listitem");
    expect(entries.map((entry) => entry.textContent)).toEqual([
      expect.stringContaining("2026-01-05 · E-mail withdrawn · Unsubscribe link"),
      expect.stringContaining("2025-06-01 · E-mail granted · Web form"),
    ]);
  });
});
