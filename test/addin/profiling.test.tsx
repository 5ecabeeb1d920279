import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type FakeCrm, createFakeCrm } from "./support/fake-crm";
import { JONAS, renderPane, useFakeServer, openRecordTab } from "./support/render-pane";

useFakeServer();

const BEN = { id: "00000000-0000-4000-8000-00000000b0b0", name: "Ben Okafor", email: "ben@contoso.com" };

function withMachinePark(crm = createFakeCrm()) {
  const set = crm.profiling.addSet("Machine park", [
    { text: "Notes on the machine park", kind: "TEXT" },
    { text: "Number of lathes", kind: "NUMBER" },
    { text: "Runs a second shift?", kind: "YES_NO" },
    { text: "Main control system", kind: "SINGLE_CHOICE", options: ["Siemens", "Heidenhain", "Fanuc"] },
    { text: "Materials machined", kind: "MULTIPLE_CHOICE", options: ["Steel", "Aluminium", "Plastics"] },
  ]);
  crm.profiling.addSet("Purchasing", [{ text: "Orders via framework agreement?", kind: "YES_NO" }]);
  const [notes, lathes, shift, control, materials] = set.questions.map((question) => question.id) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { crm, set, ids: { notes, lathes, shift, control, materials } };
}

async function openProfile(crm: FakeCrm) {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "Machines" }, crm);
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  await openRecordTab(user, record, "Profile");
  const form = await within(record).findByRole("form", { name: "Profile" });
  return { user, record, form };
}

const saves = (crm: FakeCrm) =>
  crm.requests.filter((request) => request.method === "PUT" && request.path.endsWith("/profiling/answers"));

describe("the customer's profile tab", () => {
  it("shows each active set as a group with the input that fits each question, and who answered when", async () => {
    const { crm, ids } = withMachinePark();
    crm.profiling.answer(crm.customers.fabrikam.id, ids.lathes, 7, BEN);
    const { form } = await openProfile(crm);

    const park = within(form).getByRole("group", { name: "Machine park" });
    expect(within(form).getByRole("group", { name: "Purchasing" })).toBeInTheDocument();
    expect(within(park).getByRole("textbox", { name: "Notes on the machine park" })).toHaveValue("");
    const lathes = within(park).getByRole("spinbutton", { name: "Number of lathes" });
    expect(lathes).toHaveValue(7);
    expect(lathes).toHaveAccessibleDescription(/Answered by Ben Okafor on .*2026/);
    const shift = within(park).getByRole("radiogroup", { name: "Runs a second shift?" });
    expect(
      within(shift)
        .getAllByRole("radio")
        .map((radio) => radio.getAttribute("value")),
    ).toEqual(["Yes", "No"]);
    const control = within(park).getByRole("radiogroup", { name: "Main control system" });
    expect(within(control).getAllByRole("radio")).toHaveLength(3);
    const materials = within(park).getByRole("group", { name: "Materials machined" });
    expect(within(materials).getAllByRole("checkbox")).toHaveLength(3);
    expect(within(park).getByRole("textbox", { name: "Notes on the machine park" })).toHaveAccessibleDescription(
      "Not answered yet.",
    );
  });

  it("saves only the answers that changed and then shows them as answered by the user", async () => {
    const { crm, ids } = withMachinePark();
    crm.profiling.answer(crm.customers.fabrikam.id, ids.lathes, 7, BEN);
    crm.profiling.answer(crm.customers.fabrikam.id, ids.control, "Fanuc", BEN);
    const { user, form } = await openProfile(crm);
    const save = within(form).getByRole("button", { name: "Save answers" });
    expect(save).toBeDisabled();

    await user.type(within(form).getByRole("textbox", { name: "Notes on the machine park" }), "  Mostly 5-axis ");
    const lathes = within(form).getByRole("spinbutton", { name: "Number of lathes" });
    await user.clear(lathes);
    await user.type(lathes, "9");
    await user.click(
      within(within(form).getByRole("radiogroup", { name: "Runs a second shift?" })).getByLabelText("No"),
    );
    const materials = within(form).getByRole("group", { name: "Materials machined" });
    await user.click(within(materials).getByRole("checkbox", { name: "Plastics" }));
    await user.click(within(materials).getByRole("checkbox", { name: "Steel" }));
    await user.click(save);

    expect(await within(form).findByText("Saved 4 answers.")).toBeInTheDocument();
    expect(saves(crm)).toHaveLength(1);
    expect(saves(crm)[0]!.body).toEqual({
      answers: [
        { questionId: ids.notes, value: "Mostly 5-axis" },
        { questionId: ids.lathes, value: 9 },
        { questionId: ids.shift, value: false },
        { questionId: ids.materials, value: ["Steel", "Plastics"] },
      ],
    });
    expect(await within(form).findByRole("textbox", { name: "Notes on the machine park" })).toHaveAccessibleDescription(
      /Answered by Alice Wagner on/,
    );
    expect(within(form).getByRole("radiogroup", { name: "Main control system" })).toBeInTheDocument();
    expect(save).toBeDisabled();
  });

  it("clears an answer, and shows the earlier answers of a question newest first", async () => {
    const { crm, ids } = withMachinePark();
    crm.profiling.answer(crm.customers.fabrikam.id, ids.control, "Siemens", BEN);
    crm.profiling.answer(crm.customers.fabrikam.id, ids.control, "Fanuc", BEN);
    const { user, form } = await openProfile(crm);
    const control = within(form).getByRole("radiogroup", { name: "Main control system" });
    expect(within(control).getByRole("radio", { name: "Fanuc" })).toBeChecked();
    await user.click(within(control.parentElement!).getByRole("button", { name: "Clear" }));
    await user.click(within(form).getByRole("button", { name: "Save answers" }));
    expect(await within(form).findByText("Saved 1 answer.")).toBeInTheDocument();
    expect(saves(crm)[0]!.body).toEqual({ answers: [{ questionId: ids.control, value: null }] });

    await user.click(within(form).getByRole("button", { name: "History of Main control system" }));
    const history = await within(form).findByRole("list", { name: "History of Main control system" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((item) => item.textContent?.split(" – ")[0]),
    ).toEqual(["(cleared)", "Fanuc", "Siemens"]);
  });

  it("shows a refusal next to the question it concerns and keeps what was typed", async () => {
    const { crm, ids, set } = withMachinePark();
    const { user, form } = await openProfile(crm);
    // Meanwhile an admin archived the question this user is answering.
    set.questions[0]!.archived = true;
    await user.type(within(form).getByRole("textbox", { name: "Notes on the machine park" }), "Old lathes");
    await user.click(within(form).getByRole("button", { name: "Save answers" }));
    expect(await within(form).findByText("Check the marked answers.")).toBeInTheDocument();
    const notes = within(form).getByRole("textbox", { name: "Notes on the machine park" });
    expect(notes).toHaveValue("Old lathes");
    expect(notes).toHaveAccessibleDescription(/no question with this id/);
    expect(crm.profiling.answers.filter((answer) => answer.questionId === ids.notes)).toHaveLength(0);
  });

  it("checks an answer before sending it", async () => {
    const { crm } = withMachinePark();
    const { user, form } = await openProfile(crm);
    const notes = within(form).getByRole("textbox", { name: "Notes on the machine park" });
    await user.click(notes);
    await user.paste("x".repeat(2001));
    await user.click(within(form).getByRole("button", { name: "Save answers" }));
    expect(notes).toHaveAccessibleDescription(/at most 2000 characters/);
    expect(saves(crm)).toHaveLength(0);
  });
});

describe("editing question sets", () => {
  it("is offered to admins only", async () => {
    const { crm } = withMachinePark();
    const { record } = await openProfile(crm);
    expect(within(record).queryByRole("button", { name: "Edit question sets" })).not.toBeInTheDocument();
  });

  it("lets an admin create a set, with the service's refusal shown at the question", async () => {
    const { crm } = withMachinePark();
    crm.me.role = "ADMIN";
    const { user, record } = await openProfile(crm);
    await user.click(within(record).getByRole("button", { name: "Edit question sets" }));
    await user.click(await within(record).findByRole("button", { name: "New question set" }));
    const form = within(record).getByRole("form", { name: "New question set" });
    await user.type(within(form).getByRole("textbox", { name: /Set name/ }), "Service contract");
    await user.click(within(form).getByRole("button", { name: "Add question" }));
    const question = within(form).getByRole("group", { name: "Question 1" });
    await user.type(within(question).getByRole("textbox", { name: "Question 1" }), "Contract level");
    await user.selectOptions(within(question).getByRole("combobox", { name: "Kind" }), "SINGLE_CHOICE");
    await user.type(within(question).getByRole("textbox", { name: /Options/ }), "Basic");
    await user.click(within(form).getByRole("button", { name: "Save set" }));
    expect(await within(question).findByText("a choice question needs at least 2 options")).toBeInTheDocument();

    await user.type(within(question).getByRole("textbox", { name: /Options/ }), "{Enter}Premium");
    await user.click(within(form).getByRole("button", { name: "Save set" }));
    const profile = await within(record).findByRole("group", { name: "Service contract" });
    expect(within(profile).getByRole("radio", { name: "Premium" })).toBeInTheDocument();
    expect(crm.profiling.sets.at(-1)!.questions[0]!.options).toEqual(["Basic", "Premium"]);
  });

  it("lets an admin archive and reorder questions; archived ones leave the profile", async () => {
    const { crm, ids } = withMachinePark();
    crm.me.role = "ADMIN";
    const { user, record, form } = await openProfile(crm);
    await user.click(within(record).getByRole("button", { name: "Edit question sets" }));
    await user.click(await within(record).findByRole("button", { name: "Edit Machine park" }));
    const editor = within(record).getByRole("form", { name: "Edit Machine park" });
    await user.click(
      within(within(editor).getByRole("group", { name: "Question 1" })).getByRole("button", { name: "Archive" }),
    );
    await user.click(
      within(within(editor).getByRole("group", { name: "Question 3" })).getByRole("button", { name: "Up" }),
    );
    await user.click(within(editor).getByRole("button", { name: "Save set" }));

    await within(record).findByRole("region", { name: "Question sets" });
    const park = await within(record).findByRole("group", { name: "Machine park" });
    expect(within(park).queryByRole("textbox", { name: "Notes on the machine park" })).not.toBeInTheDocument();
    const set = crm.profiling.sets[0]!;
    expect(set.questions.map((question) => [question.id, question.archived])).toEqual([
      [ids.notes, true],
      [ids.shift, false],
      [ids.lathes, false],
      [ids.control, false],
      [ids.materials, false],
    ]);
    expect(form).toBeInTheDocument();
  });
});
