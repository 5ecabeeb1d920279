import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BEN, type PaneUser, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm, openRecordTab } from "./support/render-pane";

const crm = useCrm();
/** Question sets are the administrators' (profiling:manage). */
const ADA: PaneUser = { email: "ada.admin@contoso.com", name: "Ada Admin", role: "ADMIN", timeZone: "Europe/Berlin" };

/** The admin's two sets, entered through the API: Machine park (five kinds of question) and Purchasing. */
async function withMachinePark() {
  const admin = await crm.as(ADA);
  const set = await ok(
    admin.post("/api/profiling/sets", {
      name: "Machine park",
      position: 0,
      questions: [
        { text: "Notes on the machine park", kind: "TEXT" },
        { text: "Number of lathes", kind: "NUMBER" },
        { text: "Runs a second shift?", kind: "YES_NO" },
        { text: "Main control system", kind: "SINGLE_CHOICE", options: ["Siemens", "Heidenhain", "Fanuc"] },
        { text: "Materials machined", kind: "MULTIPLE_CHOICE", options: ["Steel", "Aluminium", "Plastics"] },
      ],
    }),
    201,
    "Machine park",
  );
  await ok(
    admin.post("/api/profiling/sets", {
      name: "Purchasing",
      position: 1,
      questions: [{ text: "Orders via framework agreement?", kind: "YES_NO" }],
    }),
    201,
    "Purchasing",
  );
  const [notes, lathes, shift, control, materials] = set.questions.map((question: { id: string }) => question.id) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { set, ids: { notes, lathes, shift, control, materials } };
}

/** Ben answers one question of Fabrikam's profile. */
async function answer(questionId: string, value: unknown) {
  const ben = await crm.as(BEN);
  await ok(
    ben.request("PUT", `/api/customers/${crm.customers.fabrikam.id}/profiling/answers`, {
      answers: [{ questionId, value }],
    }),
    200,
    "Ben's answer",
  );
}
/** The answers of a question as the service keeps them (every earlier one too). */
const answersOf = async (questionId: string) =>
  (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/profiling/history?questionId=${questionId}`)).items;
const sets = async () => (await (await crm.as(ADA)).get("/api/profiling/sets?includeInactive=true")).body.items;

async function openProfile() {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "Machines" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  await openRecordTab(user, record, "Profile");
  const form = await within(record).findByRole("form", { name: "Profile" });
  return { user, record, form };
}

const saves = () =>
  crm.requests.filter((request) => request.method === "PUT" && request.path.endsWith("/profiling/answers"));

describe("the customer's profile tab", () => {
  it("shows each active set as a group with the input that fits each question, and who answered when", async () => {
    const { ids } = await withMachinePark();
    await answer(ids.lathes, 7);
    const { form } = await openProfile();

    const park = within(form).getByRole("group", { name: "Machine park" });
    expect(within(form).getByRole("group", { name: "Purchasing" })).toBeInTheDocument();
    expect(within(park).getByRole("textbox", { name: "Notes on the machine park" })).toHaveValue("");
    const lathes = within(park).getByRole("spinbutton", { name: "Number of lathes" });
    expect(lathes).toHaveValue(7);
    // Ben answered just now (above): the day shown is today's, in whatever year the suite runs.
    expect(lathes).toHaveAccessibleDescription(new RegExp(`Answered by Ben Okafor on .*${new Date().getFullYear()}`));
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
    const { ids } = await withMachinePark();
    await answer(ids.lathes, 7);
    await answer(ids.control, "Fanuc");
    const { user, form } = await openProfile();
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
    expect(saves()).toHaveLength(1);
    expect(saves()[0]!.body).toEqual({
      answers: [
        { questionId: ids.notes, value: "Mostly 5-axis" },
        { questionId: ids.lathes, value: 9 },
        { questionId: ids.shift, value: false },
        { questionId: ids.materials, value: ["Steel", "Plastics"] },
      ],
    });
    // The service's answer comes in after the save: wait for the profile to show it.
    await waitFor(() =>
      expect(within(form).getByRole("textbox", { name: "Notes on the machine park" })).toHaveAccessibleDescription(
        /Answered by Alice Wagner on/,
      ),
    );
    expect(within(form).getByRole("radiogroup", { name: "Main control system" })).toBeInTheDocument();
    expect(save).toBeDisabled();
  });

  it("clears an answer, and shows the earlier answers of a question newest first", async () => {
    const { ids } = await withMachinePark();
    await answer(ids.control, "Siemens");
    await answer(ids.control, "Fanuc");
    const { user, form } = await openProfile();
    const control = within(form).getByRole("radiogroup", { name: "Main control system" });
    expect(within(control).getByRole("radio", { name: "Fanuc" })).toBeChecked();
    await user.click(within(control.parentElement!).getByRole("button", { name: "Clear" }));
    await user.click(within(form).getByRole("button", { name: "Save answers" }));
    expect(await within(form).findByText("Saved 1 answer.")).toBeInTheDocument();
    expect(saves()[0]!.body).toEqual({ answers: [{ questionId: ids.control, value: null }] });

    await user.click(within(form).getByRole("button", { name: "History of Main control system" }));
    const history = await within(form).findByRole("list", { name: "History of Main control system" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((item) => item.textContent?.split(" – ")[0]),
    ).toEqual(["(cleared)", "Fanuc", "Siemens"]);
  });

  it("shows a refusal next to the question it concerns and keeps what was typed", async () => {
    const { ids, set } = await withMachinePark();
    const { user, form } = await openProfile();
    // Meanwhile an admin archived the question this user is answering.
    await ok(
      (await crm.as(ADA)).patch(`/api/profiling/sets/${set.id}`, {
        version: set.version,
        questions: set.questions.map((question: { id: string }, index: number) => ({
          ...question,
          archived: index === 0,
        })),
      }),
      200,
      "archiving",
    );
    await user.type(within(form).getByRole("textbox", { name: "Notes on the machine park" }), "Old lathes");
    await user.click(within(form).getByRole("button", { name: "Save answers" }));
    expect(await within(form).findByText("Check the marked answers.")).toBeInTheDocument();
    const notes = within(form).getByRole("textbox", { name: "Notes on the machine park" });
    expect(notes).toHaveValue("Old lathes");
    // The fake had forgotten the question ("no question with this id"); the service still knows it.
    expect(notes).toHaveAccessibleDescription(/is archived and no longer answered/);
    expect(await answersOf(ids.notes)).toHaveLength(0);
  });

  it("checks an answer before sending it", async () => {
    await withMachinePark();
    const { user, form } = await openProfile();
    const notes = within(form).getByRole("textbox", { name: "Notes on the machine park" });
    await user.click(notes);
    await user.paste("x".repeat(2001));
    await user.click(within(form).getByRole("button", { name: "Save answers" }));
    expect(notes).toHaveAccessibleDescription(/at most 2000 characters/);
    expect(saves()).toHaveLength(0);
  });
});

describe("editing question sets", () => {
  it("is offered to admins only", async () => {
    await withMachinePark();
    const { record } = await openProfile();
    expect(within(record).queryByRole("button", { name: "Edit question sets" })).not.toBeInTheDocument();
  });

  it("lets an admin create a set, with the service's refusal shown at the question", async () => {
    await withMachinePark();
    crm.me.role = "ADMIN";
    const { user, record } = await openProfile();
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
    const created = (await sets()).find((candidate: { name: string }) => candidate.name === "Service contract");
    expect(created.questions[0]!.options).toEqual(["Basic", "Premium"]);
  });

  it("lets an admin archive and reorder questions; archived ones leave the profile", async () => {
    const { ids } = await withMachinePark();
    crm.me.role = "ADMIN";
    const { user, record, form } = await openProfile();
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
    await waitFor(() =>
      expect(within(park).queryByRole("textbox", { name: "Notes on the machine park" })).not.toBeInTheDocument(),
    );
    const set = (await sets())[0]!;
    expect(
      set.questions.map((question: { id: string; archived: boolean }) => [question.id, question.archived]),
    ).toEqual([
      [ids.notes, true],
      [ids.shift, false],
      [ids.lathes, false],
      [ids.control, false],
      [ids.materials, false],
    ]);
    expect(form).toBeInTheDocument();
  });
});
