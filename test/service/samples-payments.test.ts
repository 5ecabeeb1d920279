import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);

describe.each(testBackends())("samples, payment agreements and the adoption pathway on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    manager = await service.as("mona.manager@contoso.com", "MANAGER");
  });
  afterAll(() => service.stop());

  const record = async (customerId: string) => (await alice.get(`/api/customers/${customerId}`)).body;

  describe("samples", () => {
    it("are recorded with a cold call, and a sample that does not fit saves neither the call nor any sample", async () => {
      const customer = await createCustomer(alice);
      const contact = await createContact(alice, { customerId: customer.id, firstName: "Dr. Eva", lastName: "Brandt" });
      const elsewhere = await createContact(alice, { customerId: (await createCustomer(alice)).id });
      const sample = {
        itemCode: "CARDIO-5",
        description: "Cardiozol 5 mg, 10 tablets",
        quantity: 3,
        batch: "L2026-117",
      };

      const refused = await alice.post("/api/cold-calls", {
        customerId: customer.id,
        contactId: contact.id,
        outcome: "INTERESTED",
        samples: [sample, { ...sample, contactId: elsewhere.id }],
      });
      expect(refused.status).toBe(400);
      expect(fields(refused.body)).toEqual(["body.samples.1.contactId"]);
      const invalid = await alice.post("/api/cold-calls", {
        customerId: customer.id,
        contactId: contact.id,
        outcome: "INTERESTED",
        samples: [{ itemCode: "CARDIO-5", quantity: 0 }],
      });
      expect(fields(invalid.body).sort()).toEqual(["body.samples.0.batch", "body.samples.0.quantity"]);
      expect(await record(customer.id)).toMatchObject({ samples: [], activities: { history: [] } });

      const made = await alice.post("/api/cold-calls", {
        customerId: customer.id,
        contactId: contact.id,
        outcome: "INTERESTED",
        startedAt: "2026-11-03T10:00:00Z",
        samples: [sample],
      });
      expect(made.status).toBe(201);
      const { samples, activities } = await record(customer.id);
      expect(activities.history).toHaveLength(1);
      expect(samples).toEqual([
        expect.objectContaining({
          activityId: made.body.call.id,
          contact: { id: contact.id, name: "Dr. Eva Brandt" },
          itemCode: "CARDIO-5",
          description: "Cardiozol 5 mg, 10 tablets",
          quantity: 3,
          batch: "L2026-117",
          handedOverAt: "2026-11-03T10:00:00.000Z",
          handedOverBy: expect.objectContaining({ email: "alice@contoso.com" }),
        }),
      ]);
    });

    it("are recorded when a visit is finished, to the visit's contact, newest first; not on a stale or unfinished write", async () => {
      const customer = await createCustomer(alice);
      const contact = await createContact(alice, { customerId: customer.id });
      const visit = async (startsAt: string) =>
        (
          await alice.post("/api/activities", {
            customerId: customer.id,
            contactId: contact.id,
            type: "VISIT",
            subject: "Practice visit",
            startsAt,
            timeZone: "Europe/Berlin",
          })
        ).body;
      const first = await visit("2026-10-01T08:00:00Z");
      const second = await visit("2026-10-08T08:00:00Z");
      const handedOver = (batch: string) => [{ itemCode: "DERMA-1", quantity: 2, batch }];

      const unfinished = await alice.patch(`/api/activities/${first.id}`, { version: 1, samples: handedOver("A1") });
      expect(unfinished.status).toBe(400);
      expect(fields(unfinished.body)).toEqual(["body.samples"]);
      const stale = await alice.patch(`/api/activities/${first.id}`, {
        version: 7,
        status: "FINISHED",
        samples: handedOver("A1"),
      });
      expect(stale.status).toBe(409);
      expect((await record(customer.id)).samples).toEqual([]);

      for (const [activity, batch] of [
        [first, "A1"],
        [second, "B2"],
      ] as const) {
        const finished = await alice.patch(`/api/activities/${activity.id}`, {
          version: 1,
          status: "FINISHED",
          outcome: "Left samples",
          samples: handedOver(batch),
        });
        expect(finished.status).toBe(200);
      }
      const { samples } = await record(customer.id);
      expect(samples.map((s: { batch: string; contact: { id: string } }) => [s.batch, s.contact.id])).toEqual([
        ["B2", contact.id],
        ["A1", contact.id],
      ]);
    });
  });

  describe("payment agreements", () => {
    const propose = (customerId: string, overrides: Record<string, unknown> = {}) =>
      alice.post(`/api/customers/${customerId}/payment-agreements`, {
        purpose: "Year-end rebate 2027",
        amount: "100",
        currency: "EUR",
        periodFrom: "2027-01-01",
        periodTo: "2027-12-31",
        ...overrides,
      });

    it("are proposed by anyone, approved only by a manager, and paid in their currency up to what remains", async () => {
      const customer = await createCustomer(alice);
      const backwards = await propose(customer.id, { periodTo: "2026-12-31", amount: "0" });
      expect(fields(backwards.body)).toEqual(["body.periodTo"]);
      expect(fields((await propose(customer.id, { amount: "0" })).body)).toEqual(["body.amount"]);
      const proposed = await propose(customer.id);
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({
        status: "PROPOSED",
        amount: "100.00",
        paid: "0.00",
        remaining: "100.00",
        proposedBy: { email: "alice@contoso.com" },
      });
      const id = proposed.body.id;
      const pay = (amount: string, currency = "EUR") =>
        alice.post(`/api/payment-agreements/${id}/payments`, { amount, currency, paidOn: "2027-02-01" });

      expect((await pay("10")).status).toBe(409);
      const bySalesman = await alice.post(`/api/payment-agreements/${id}/decision`, { decision: "APPROVED" });
      expect(bySalesman.status).toBe(403);
      const approved = await manager.post(`/api/payment-agreements/${id}/decision`, { decision: "APPROVED" });
      expect(approved.body).toMatchObject({ status: "APPROVED", decidedBy: { email: "mona.manager@contoso.com" } });
      expect((await manager.post(`/api/payment-agreements/${id}/decision`, { decision: "REJECTED" })).status).toBe(409);

      expect(fields((await pay("10", "USD")).body)).toEqual(["body.currency"]);
      const paid = await pay("30.50");
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({ paid: "30.50", remaining: "69.50", payments: [{ amount: "30.50" }] });
      const tooMuch = await pay("69.51");
      expect(tooMuch.status).toBe(409);
      expect(fields(tooMuch.body)).toEqual(["body.amount"]);

      const { paymentAgreements } = await record(customer.id);
      expect(paymentAgreements).toEqual([
        expect.objectContaining({
          id,
          remaining: "69.50",
          paid: "30.50",
          payments: [expect.objectContaining({ amount: "30.50", paidOn: "2027-02-01" })],
        }),
      ]);
    });

    it("never overdraws: of two payments at once that together exceed the amount, one is refused", async () => {
      const customer = await createCustomer(alice);
      const { id } = (await propose(customer.id)).body;
      await manager.post(`/api/payment-agreements/${id}/decision`, { decision: "APPROVED" });
      const both = await Promise.all(
        [alice, manager].map((client) =>
          client.post(`/api/payment-agreements/${id}/payments`, {
            amount: "60",
            currency: "EUR",
            paidOn: "2027-03-01",
          }),
        ),
      );
      expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
      const after = (await alice.get(`/api/customers/${customer.id}/payment-agreements`)).body.items[0];
      expect(after).toMatchObject({ remaining: "40.00", paid: "60.00" });
      expect(after.payments).toHaveLength(1);
    });

    it("are refused once rejected", async () => {
      const customer = await createCustomer(alice);
      const { id } = (await propose(customer.id)).body;
      const rejected = await manager.post(`/api/payment-agreements/${id}/decision`, {
        decision: "REJECTED",
        note: "Not in this year's budget",
      });
      expect(rejected.body).toMatchObject({ status: "REJECTED", decisionNote: "Not in this year's budget" });
      const payment = await alice.post(`/api/payment-agreements/${id}/payments`, {
        amount: "1",
        currency: "EUR",
        paidOn: "2027-03-01",
      });
      expect(payment.status).toBe(409);
    });
  });

  it("charts what the call records collected: profiling answers and call outcomes per month", async () => {
    const admin = await service.as("ada.admin@contoso.com", "ADMIN");
    const set = (
      await admin.post("/api/profiling/sets", {
        name: unique("Adoption"),
        questions: [{ text: "Prescribes our product?", kind: "YES_NO" }],
      })
    ).body;
    const customer = await createCustomer(alice);
    const answered = await alice.request("PUT", `/api/customers/${customer.id}/profiling/answers`, {
      answers: [{ questionId: set.questions[0].id, value: true }],
    });
    expect(answered.status).toBeLessThan(300);
    for (const outcome of ["INTERESTED", "INTERESTED", "CALL_BACK"])
      await alice.post("/api/cold-calls", { customerId: customer.id, outcome });

    const pathway = await alice.get(`/api/customers/${customer.id}/adoption-pathway?months=3`);
    expect(pathway.status).toBe(200);
    expect(pathway.body.months).toHaveLength(3);
    const [earlier, , now] = pathway.body.months;
    expect(now).toMatchObject({ answers: 1, outcomes: { INTERESTED: 2, CALL_BACK: 1, NOT_INTERESTED: 0 } });
    expect(earlier).toMatchObject({ answers: 0, outcomes: { INTERESTED: 0 } });
  });
});
