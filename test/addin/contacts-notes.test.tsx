import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BEN } from "./support/crm-world";
import { JONAS, openRecordTab, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

async function openRecord(tab?: string) {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "Moving" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  if (tab) await openRecordTab(user, record, tab);
  return { user, record };
}

describe("contacts and notes on the record", () => {
  it("edits a contact, adds a second address, marks them as left, and names an empty address at its field", async () => {
    const { user, record } = await openRecord("Details");
    const section = within(record).getByRole("region", { name: "Contacts" });
    await user.click(within(section).getByRole("button", { name: "Edit Jonas Keller" }));
    const form = within(section).getByRole("form", { name: "Edit Jonas Keller" });
    await user.click(within(form).getByRole("button", { name: "Add address" }));
    await user.click(within(form).getByRole("button", { name: "Save contact" }));
    // An address with neither street nor city: said under its city, nothing saved.
    const first = within(form).getByRole("group", { name: "Address 1" });
    await waitFor(() =>
      expect(within(first).getByRole("textbox", { name: "City" })).toHaveAttribute("aria-invalid", "true"),
    );
    expect(within(first).getByText("needs a street or a city")).toBeInTheDocument();
    expect((await crm.read(`/api/contacts/${crm.contacts.jonas.id}`)).addresses).toEqual([]);

    await user.type(within(first).getByRole("textbox", { name: "Label" }), "Home office");
    await user.type(within(first).getByRole("textbox", { name: "City" }), "Potsdam");
    await user.click(within(form).getByRole("button", { name: "Add address" }));
    const second = within(form).getByRole("group", { name: "Address 2" });
    await user.type(within(second).getByRole("textbox", { name: "Street" }), "Hafenweg 3");
    await user.type(within(second).getByRole("textbox", { name: "City" }), "Hamburg");
    await user.clear(within(form).getByRole("textbox", { name: "Role" }));
    await user.type(within(form).getByRole("textbox", { name: "Role" }), "Head of purchasing");
    await user.click(within(form).getByRole("checkbox", { name: "Has left the company" }));
    await user.click(within(form).getByRole("button", { name: "Save contact" }));

    const item = await within(section).findByRole("listitem", { name: "Jonas Keller" });
    await within(item).findByText("Left");
    expect(within(item).getByText(/Head of purchasing/)).toBeInTheDocument();
    expect(within(item).getByText("Home office: Potsdam")).toBeInTheDocument();
    expect(within(item).getByText("Hafenweg 3 Hamburg")).toBeInTheDocument();
    expect(await crm.read(`/api/contacts/${crm.contacts.jonas.id}`)).toMatchObject({
      role: "Head of purchasing",
      leftAt: expect.any(String),
      addresses: [
        { label: "Home office", city: "Potsdam", street: null },
        { street: "Hafenweg 3", city: "Hamburg" },
      ],
    });
  });

  it("lets the author edit a note (links kept as links) and delete it", async () => {
    const { user, record } = await openRecord();
    // The Overview's sections come a moment after the record's head (a deferred render).
    const notes = await within(record).findByRole("region", { name: "Notes" });
    const note = within(notes).getByRole("listitem", { name: "Note by Alice Wagner" });
    await user.click(within(note).getByRole("button", { name: "Edit note by Alice Wagner" }));
    const form = within(note).getByRole("form", { name: "Edit note" });
    const text = within(form).getByRole("textbox", { name: /Note/ });
    await user.clear(text);
    await user.type(text, "Framework agreement signed, see https://fabrikam.example/signed");
    await user.click(within(form).getByRole("button", { name: "Save note" }));
    expect(await within(notes).findByRole("link", { name: "https://fabrikam.example/signed" })).toBeInTheDocument();
    expect((await crm.read(`/api/notes/${crm.note.id}`)).bodyText).toMatch(/^Framework agreement signed/);

    await user.click(within(notes).getByRole("button", { name: "Delete note by Alice Wagner" }));
    await user.click(within(notes).getByRole("button", { name: "Confirm: delete note by Alice Wagner" }));
    expect(await within(notes).findByText("No notes yet.")).toBeInTheDocument();
    expect((await (await crm.as(crm.me)).get(`/api/notes/${crm.note.id}`)).status).toBe(404);
  });

  it("offers a salesman who did not write the note neither edit nor delete", async () => {
    crm.me = { ...BEN, id: crm.team.ben.id };
    const { record } = await openRecord();
    // The Overview's sections come a moment after the record's head (a deferred render).
    const note = within(await within(record).findByRole("region", { name: "Notes" })).getByRole("listitem", {
      name: "Note by Alice Wagner",
    });
    expect(within(note).queryByRole("button")).not.toBeInTheDocument();
  });
});
