import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe.each(testBackends())("cold calls on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    await alice.patch("/api/me", { timeZone: "Europe/Berlin" });
  });
  afterAll(() => service.stop());

  it("records a finished call with its outcome and a planned follow-up in one step, both in the record", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const response = await alice.post("/api/cold-calls", {
      customerId: customer.id,
      contactId: contact.id,
      outcome: "CALL_BACK",
      notes: "Busy with the trade fair, call again next month",
      followUp: { subject: "Call back after the fair", startsAt: "2027-03-02T09:00:00Z" },
    });
    expect(response.status).toBe(201);
    const { call, outcome, followUp } = response.body;
    expect(outcome).toBe("CALL_BACK");
    expect(call).toMatchObject({
      type: "CALL",
      status: "FINISHED",
      subject: "Cold call: call back",
      notes: "Busy with the trade fair, call again next month",
      customerId: customer.id,
      contactId: contact.id,
      timeZone: "Europe/Berlin",
      owner: { email: "alice@contoso.com" },
    });
    expect(Date.parse(call.endsAt) - Date.parse(call.startsAt)).toBe(5 * 60_000);
    expect(Math.abs(Date.parse(call.finishedAt) - Date.now())).toBeLessThan(60_000);
    expect(followUp).toMatchObject({
      type: "CALL",
      status: "PLANNED",
      subject: "Call back after the fair",
      startsAt: "2027-03-02T09:00:00.000Z",
      endsAt: "2027-03-02T09:30:00.000Z",
      reminderMinutesBefore: 15,
      contactId: contact.id,
    });
    const record = (await alice.get(`/api/customers/${customer.id}`)).body;
    expect(record.activities.history.map((a: { id: string }) => a.id)).toEqual([call.id]);
    expect(record.activities.future.map((a: { id: string }) => a.id)).toEqual([followUp.id]);
    // The outcome stays on the call, so the history says how it went; the follow-up has none yet.
    expect(record.activities.history[0].callOutcome).toBe("CALL_BACK");
    expect(record.activities.future[0].callOutcome).toBeNull();
  });

  it("takes a subject, start and duration when given, and needs no follow-up", async () => {
    const customer = await createCustomer(alice);
    const response = await alice.post("/api/cold-calls", {
      customerId: customer.id,
      outcome: "NOT_INTERESTED",
      subject: "Intro call, spring campaign",
      startedAt: "2026-11-20T14:00:00+01:00",
      durationMinutes: 12,
    });
    expect(response.status).toBe(201);
    expect(response.body.followUp).toBeNull();
    expect(response.body.call).toMatchObject({
      subject: "Intro call, spring campaign",
      startsAt: "2026-11-20T13:00:00.000Z",
      endsAt: "2026-11-20T13:12:00.000Z",
      contactId: null,
    });
  });

  it("refuses bad input, naming the field, and writes nothing", async () => {
    const customer = await createCustomer(alice);
    const elsewhere = await createContact(alice, { customerId: (await createCustomer(alice)).id });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ outcome: "MAYBE" }, 400, "body.outcome"],
      [{ outcome: "INTERESTED", followUp: { subject: "Next" } }, 400, "body.followUp.startsAt"],
      [{ outcome: "INTERESTED", timeZone: "Mars/Olympus" }, 400, "body.timeZone"],
      [{ outcome: "INTERESTED", customerId: UNKNOWN }, 404, "body.customerId"],
      [{ outcome: "INTERESTED", contactId: UNKNOWN }, 404, "body.contactId"],
      [{ outcome: "INTERESTED", contactId: elsewhere.id }, 400, "body.contactId"],
    ];
    for (const [body, status, field] of cases) {
      const response = await alice.post("/api/cold-calls", {
        customerId: customer.id,
        followUp: undefined,
        ...body,
      });
      expect(response.status).toBe(status);
      expect(response.body.error.details[0].field).toBe(field);
    }
    const record = (await alice.get(`/api/customers/${customer.id}`)).body;
    expect(record.activities).toEqual({ future: [], history: [] });
  });

  it("is refused to a caller without a token", async () => {
    const customer = await createCustomer(alice);
    const response = await service
      .anonymous()
      .post("/api/cold-calls", { customerId: customer.id, outcome: "NO_ANSWER" });
    expect(response.status).toBe(401);
  });
});
