import { createCustomer, unique } from "../support/fixtures";
import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

const MACHINE_PARK = [
  { text: "Notes on the machine park", kind: "TEXT" },
  { text: "Number of lathes", kind: "NUMBER" },
  { text: "Runs a second shift?", kind: "YES_NO" },
  { text: "Main control system", kind: "SINGLE_CHOICE", options: ["Siemens", "Heidenhain", "Fanuc"] },
  { text: "Materials machined", kind: "MULTIPLE_CHOICE", options: ["Steel", "Aluminium", "Plastics"] },
];

describe.each(testBackends())("profiling on %s", (backend) => {
  let service: TestService;
  let admin: ApiClient;
  let alice: ApiClient;
  let ben: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    admin = await service.as("root@contoso.com", "ADMIN");
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
  });
  afterAll(() => service.stop());

  const createSet = async (questions: unknown[] = MACHINE_PARK, extra: Record<string, unknown> = {}) => {
    const response = await admin.post("/api/profiling/sets", { name: unique("Machine park"), questions, ...extra });
    expect(response.status).toBe(201);
    return response.body;
  };
  const question = (set: any, text: string) => set.questions.find((q: any) => q.text === text);
  const answer = (client: ApiClient, customerId: string, answers: unknown[]) =>
    client.request("PUT", `/api/customers/${customerId}/profiling/answers`, { answers });
  const profileSet = (profile: any, setId: string) => profile.sets.find((s: any) => s.id === setId);

  describe("question sets", () => {
    it("lets only admins define sets; everyone reads the active ones", async () => {
      const bySalesman = await alice.post("/api/profiling/sets", { name: "Mine", questions: [] });
      expect(bySalesman.status).toBe(403);
      const manager = await service.as("maria@contoso.com", "MANAGER");
      expect((await manager.post("/api/profiling/sets", { name: "Mine", questions: [] })).status).toBe(403);

      const set = await createSet();
      expect(set).toMatchObject({ active: true, version: 1, description: null });
      expect(set.questions.map((q: any) => [q.position, q.kind])).toEqual([
        [0, "TEXT"],
        [1, "NUMBER"],
        [2, "YES_NO"],
        [3, "SINGLE_CHOICE"],
        [4, "MULTIPLE_CHOICE"],
      ]);
      const seen = await alice.get("/api/profiling/sets");
      expect(seen.body.items.map((s: any) => s.id)).toContain(set.id);

      const duplicate = await admin.post("/api/profiling/sets", { name: set.name, questions: [] });
      expect(duplicate.status).toBe(409);
    });

    it("refuses choice questions without two distinct options and options on other kinds, naming the field", async () => {
      const bad = await admin.post("/api/profiling/sets", {
        name: unique("Bad"),
        questions: [
          { text: "Colour", kind: "SINGLE_CHOICE", options: ["Red"] },
          { text: "Sizes", kind: "MULTIPLE_CHOICE", options: ["S", "s"] },
          { text: "How many", kind: "NUMBER", options: ["1"] },
          { text: " ", kind: "TEXT" },
          { text: "What", kind: "ESSAY" },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual([
        "body.questions.0.options",
        "body.questions.1.options",
        "body.questions.2.options",
        "body.questions.3.text",
        "body.questions.4.kind",
      ]);
    });

    it("adds, reorders, edits and archives questions, and deactivates a set", async () => {
      const set = await createSet();
      const [notes, lathes, shift, control, materials] = set.questions;
      const updated = await admin.patch(`/api/profiling/sets/${set.id}`, {
        version: 1,
        questions: [
          { ...control, options: [...control.options, "Mazak"] },
          { ...lathes, text: "Number of CNC lathes" },
          { ...notes, archived: true },
          shift,
          materials,
          { text: "Year of oldest machine", kind: "NUMBER" },
        ],
      });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      expect(updated.body.questions.map((q: any) => [q.text, q.archived])).toEqual([
        ["Main control system", false],
        ["Number of CNC lathes", false],
        ["Notes on the machine park", true],
        ["Runs a second shift?", false],
        ["Materials machined", false],
        ["Year of oldest machine", false],
      ]);
      expect(updated.body.questions[0].options).toEqual(["Siemens", "Heidenhain", "Fanuc", "Mazak"]);
      // Everyone sees what is asked now; admins may see the archived question too.
      const everyone = (await alice.get("/api/profiling/sets")).body.items.find((s: any) => s.id === set.id);
      expect(everyone.questions.map((q: any) => q.text)).not.toContain("Notes on the machine park");
      const forAdmin = await admin.get("/api/profiling/sets?includeInactive=true");
      expect(forAdmin.body.items.find((s: any) => s.id === set.id).questions).toHaveLength(6);

      // A question is never dropped: leaving one out is refused, and nothing changes.
      const dropped = await admin.patch(`/api/profiling/sets/${set.id}`, {
        version: 2,
        questions: updated.body.questions.slice(1),
      });
      expect(dropped.status).toBe(400);
      expect(dropped.body.error.details[0].field).toBe("body.questions");
      const foreign = await admin.patch(`/api/profiling/sets/${set.id}`, {
        version: 2,
        questions: [...updated.body.questions, { id: UNKNOWN, text: "x", kind: "TEXT" }],
      });
      expect(foreign.body.error.details[0].field).toBe("body.questions.6.id");
      expect((await admin.patch(`/api/profiling/sets/${set.id}`, { version: 1, active: false })).status).toBe(409);

      const inactive = await admin.patch(`/api/profiling/sets/${set.id}`, { version: 2, active: false });
      expect(inactive.body).toMatchObject({ active: false, version: 3 });
      expect((await alice.get("/api/profiling/sets")).body.items.map((s: any) => s.id)).not.toContain(set.id);
      const all = await admin.get("/api/profiling/sets?includeInactive=true");
      expect(all.body.items.map((s: any) => s.id)).toContain(set.id);
      expect((await alice.get("/api/profiling/sets?includeInactive=true")).status).toBe(403);
      expect((await alice.patch(`/api/profiling/sets/${set.id}`, { version: 3, active: true })).status).toBe(403);
    });
  });

  describe("answers per customer", () => {
    it("stores a batch of answers per kind and shows them with who and when", async () => {
      const set = await createSet();
      const customer = await createCustomer(alice);
      const saved = await answer(alice, customer.id, [
        { questionId: question(set, "Notes on the machine park").id, value: "  Mostly 5-axis  " },
        { questionId: question(set, "Number of lathes").id, value: 12 },
        { questionId: question(set, "Runs a second shift?").id, value: false },
        { questionId: question(set, "Main control system").id, value: "Heidenhain" },
        { questionId: question(set, "Materials machined").id, value: ["Plastics", "Steel"] },
      ]);
      expect(saved.status).toBe(200);
      const answers = profileSet(saved.body, set.id).questions.map((q: any) => q.answer.value);
      // Text trimmed, chosen options in the question's order.
      expect(answers).toEqual(["Mostly 5-axis", 12, false, "Heidenhain", ["Steel", "Plastics"]]);
      const again = await alice.get(`/api/customers/${customer.id}/profiling`);
      const lathes = profileSet(again.body, set.id).questions[1];
      expect(lathes.answer).toMatchObject({ value: 12, answeredBy: { email: "alice@contoso.com" } });
      expect(Date.parse(lathes.answer.answeredAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it("refuses answers that do not fit the question's kind, naming answers.N.value, and stores none of the batch", async () => {
      const set = await createSet();
      const customer = await createCustomer(alice);
      const bad = await answer(alice, customer.id, [
        { questionId: question(set, "Notes on the machine park").id, value: "fine" },
        { questionId: question(set, "Number of lathes").id, value: "twelve" },
        { questionId: question(set, "Runs a second shift?").id, value: "yes" },
        { questionId: question(set, "Main control system").id, value: "Bosch" },
        { questionId: question(set, "Materials machined").id, value: ["Steel", "Steel"] },
        { questionId: UNKNOWN, value: 1 },
      ]);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: any) => d.field)).toEqual([
        "body.answers.1.value",
        "body.answers.2.value",
        "body.answers.3.value",
        "body.answers.4.value",
        "body.answers.5.questionId",
      ]);
      const long = await answer(alice, customer.id, [
        { questionId: question(set, "Notes on the machine park").id, value: "x".repeat(2001) },
      ]);
      expect(long.body.error.details).toEqual([
        { field: "body.answers.0.value", message: "must be at most 2000 characters" },
      ]);
      const shape = await answer(alice, customer.id, [{ questionId: "nope", value: { a: 1 } }]);
      expect(shape.body.error.details.map((d: any) => d.field).sort()).toEqual([
        "body.answers.0.questionId",
        "body.answers.0.value",
      ]);
      const profile = await alice.get(`/api/customers/${customer.id}/profiling`);
      expect(profileSet(profile.body, set.id).questions.every((q: any) => q.answer === null)).toBe(true);
      expect((await answer(alice, UNKNOWN, [{ questionId: set.questions[0].id, value: "x" }])).status).toBe(404);
    });

    it("keeps every earlier answer, appends only real changes, and clears with null", async () => {
      const set = await createSet();
      const lathes = question(set, "Number of lathes").id;
      const control = question(set, "Main control system").id;
      const customer = await createCustomer(alice);
      await answer(alice, customer.id, [
        { questionId: lathes, value: 10 },
        { questionId: control, value: "Fanuc" },
      ]);
      // Saving the whole form again with one change appends one answer only.
      await answer(ben, customer.id, [
        { questionId: lathes, value: 11 },
        { questionId: control, value: "Fanuc" },
      ]);
      await answer(ben, customer.id, [{ questionId: control, value: null }]);

      const history = await alice.get(`/api/customers/${customer.id}/profiling/history?questionId=${lathes}`);
      expect(history.body.items.map((a: any) => [a.value, a.answeredBy.email])).toEqual([
        [11, "ben@contoso.com"],
        [10, "alice@contoso.com"],
      ]);
      const all = await alice.get(`/api/customers/${customer.id}/profiling/history`);
      expect(all.body.items.map((a: any) => a.value)).toEqual([null, 11, "Fanuc", 10]);
      const profile = await alice.get(`/api/customers/${customer.id}/profiling`);
      const cleared = profileSet(profile.body, set.id).questions.find((q: any) => q.id === control);
      expect(cleared.answer).toMatchObject({ value: null, answeredBy: { email: "ben@contoso.com" } });
      // Clearing what is already clear is no change either.
      await answer(ben, customer.id, [{ questionId: control, value: null }]);
      expect((await alice.get(`/api/customers/${customer.id}/profiling/history`)).body.items).toHaveLength(4);
    });

    it("keeps answers to an archived question readable, and no longer takes new ones", async () => {
      const set = await createSet();
      const customer = await createCustomer(alice);
      const notes = question(set, "Notes on the machine park");
      await answer(alice, customer.id, [{ questionId: notes.id, value: "Old lathes from 1990" }]);
      const questions = set.questions.map((q: any) => (q.id === notes.id ? { ...q, archived: true } : q));
      expect((await admin.patch(`/api/profiling/sets/${set.id}`, { version: 1, questions })).status).toBe(200);

      const profile = await alice.get(`/api/customers/${customer.id}/profiling`);
      expect(profileSet(profile.body, set.id).questions.map((q: any) => q.id)).not.toContain(notes.id);
      const history = await alice.get(`/api/customers/${customer.id}/profiling/history?questionId=${notes.id}`);
      expect(history.body.items.map((a: any) => a.value)).toEqual(["Old lathes from 1990"]);
      const late = await answer(alice, customer.id, [{ questionId: notes.id, value: "new" }]);
      expect(late.status).toBe(400);
      expect(late.body.error.details[0].field).toBe("body.answers.0.questionId");
    });

    it("refuses to remove an option that is a customer's current answer, or to change an answered question's kind", async () => {
      const set = await createSet();
      const customer = await createCustomer(alice);
      const control = question(set, "Main control system");
      const materials = question(set, "Materials machined");
      await answer(alice, customer.id, [
        { questionId: control.id, value: "Fanuc" },
        { questionId: materials.id, value: ["Aluminium"] },
      ]);
      const edit = (changes: (q: any) => any) =>
        admin.patch(`/api/profiling/sets/${set.id}`, { version: 1, questions: set.questions.map(changes) });

      const removeFanuc = await edit((q) => (q.id === control.id ? { ...q, options: ["Siemens", "Heidenhain"] } : q));
      expect(removeFanuc.status).toBe(409);
      expect(removeFanuc.body.error.details).toEqual([
        {
          field: "body.questions.3.options",
          message: '"Fanuc" is the current answer of 1 customer(s) and cannot be removed',
        },
      ]);
      const renameAluminium = await edit((q) =>
        q.id === materials.id ? { ...q, options: ["Steel", "Aluminum", "Plastics"] } : q,
      );
      expect(renameAluminium.status).toBe(409);
      const kind = await edit((q) => (q.id === control.id ? { ...q, kind: "TEXT", options: [] } : q));
      expect(kind.body.error.details[0].field).toBe("body.questions.3.kind");
      // An option nobody currently chose may go; the set was not changed by the refused edits.
      const removeSiemens = await edit((q) => (q.id === control.id ? { ...q, options: ["Heidenhain", "Fanuc"] } : q));
      expect(removeSiemens.status).toBe(200);
      expect(removeSiemens.body.version).toBe(2);
    });

    it("lets every role answer and read, and keeps unauthenticated callers out", async () => {
      const set = await createSet();
      const customer = await createCustomer(alice);
      const manager = await service.as("maria@contoso.com", "MANAGER");
      const saved = await answer(manager, customer.id, [{ questionId: set.questions[1].id, value: 3 }]);
      expect(saved.status).toBe(200);
      expect((await service.anonymous().get(`/api/customers/${customer.id}/profiling`)).status).toBe(401);
      expect((await service.anonymous().get("/api/profiling/sets")).status).toBe(401);
    });
  });
});
