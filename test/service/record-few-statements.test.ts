import type { CurrentUser } from "../../service/src/auth/current-user";
import type { Database } from "../../service/src/db/database";
import { createActionsRepository } from "../../service/src/features/actions/actions.repository";
import { createActivitiesRepository } from "../../service/src/features/activities/activities.repository";
import { createCommentsRepository } from "../../service/src/features/comments/comments.repository";
import { createConsentRepository } from "../../service/src/features/consent/consent.repository";
import { consentChannels } from "../../service/src/features/consent/consent.service";
import { createContactsRepository } from "../../service/src/features/contacts/contacts.repository";
import { createCustomersRepository } from "../../service/src/features/customers/customers.repository";
import { createEmailLogRepository } from "../../service/src/features/email-log/email-log.repository";
import { createIncidentsRepository } from "../../service/src/features/incidents/incidents.repository";
import { createLifecycleRepository } from "../../service/src/features/lifecycle/lifecycle.repository";
import { createLoanersRepository, toOpenLoaners } from "../../service/src/features/loaners/loaners.repository";
import { lifecycleSection } from "../../service/src/features/lifecycle/lifecycle.service";
import { createNotesRepository } from "../../service/src/features/notes/notes.repository";
import { createOpportunitiesRepository } from "../../service/src/features/opportunities/opportunities.repository";
import { createPaymentsRepository } from "../../service/src/features/payments/payments.repository";
import { createSamplesRepository } from "../../service/src/features/samples/samples.repository";
import { createRecordRepository } from "../../service/src/features/record/record.repository";
import { createRecordService } from "../../service/src/features/record/record.service";
import { createShipToRepository } from "../../service/src/features/ship-to/ship-to.repository";
import { createThirdPartiesRepository } from "../../service/src/features/third-parties/third-parties.repository";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, createType, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

/**
 * The record as each feature's own reads give it (what the record assembled from twelve queries
 * before it read everything in one statement): the one-statement record must answer the same bytes.
 */
async function recordByFeatures(db: Database, customerId: string, user: CurrentUser) {
  const prisma = db.prisma;
  const customer = (await createCustomersRepository(db).findById(customerId))!;
  const contacts = await createContactsRepository(prisma).listForCustomer(customerId);
  const consent = await createConsentRepository(prisma).currentForCustomer(customerId);
  return {
    customer,
    contacts: contacts.map((contact) => ({ ...contact, consent: consentChannels(consent.get(contact.id) ?? []) })),
    thirdParties: await createThirdPartiesRepository(prisma).listForCustomer(customerId),
    shipTo: await createShipToRepository(prisma).listForCustomer(customerId),
    activities: await createActivitiesRepository(prisma).forRecord(customerId, 20),
    notes: await createNotesRepository(db).latestForCustomer(customerId, 20),
    emailLogCount: await createEmailLogRepository(db).countForCustomer(customerId),
    lifecycle: lifecycleSection(customer, user, await createLifecycleRepository(prisma).history(customerId)),
    opportunities: await createOpportunitiesRepository(prisma).listForCustomer(customerId, 20),
    incidents: await createIncidentsRepository(prisma).listForCustomer(customerId, 20),
    openActions: await createActionsRepository(prisma).openForCustomer(customerId, 50),
    comments: await createCommentsRepository(prisma).latestForCustomer(customerId, 20),
    // Reading needs no task planner: the loaners' reads never plan.
    openLoaners: toOpenLoaners(
      await createLoanersRepository(prisma, undefined as never).openForCustomer(customerId),
      user.timeZone,
    ),
    samples: await createSamplesRepository(prisma).latestForCustomer(customerId, 20),
    paymentAgreements: await createPaymentsRepository(prisma).listForCustomer(customerId, 20),
  };
}

/** The caller as the auth middleware resolves it, from the service's own /api/me. */
async function currentUser(client: ApiClient): Promise<CurrentUser> {
  return (await client.get("/api/me")).body as CurrentUser;
}

/** Sets up through the API, failing loudly: a section left empty would compare nothing. */
async function made(client: ApiClient, path: string, body: unknown) {
  const response = await client.post(path, body);
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

describe.each(testBackends())("the record in few statements on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let manager: ApiClient;
  let colleague: ApiClient;
  let customerId: string;

  beforeAll(async () => {
    // The overdue loaner's reminder is planned once, below, before any read: a round of the worker in
    // the background could otherwise plan it between the record and the features' reads.
    service = await startTestService(backend, {}, { loanerReminders: { autoStart: false } });
    alice = await service.as("alice@contoso.com");
    manager = await service.as("mia@contoso.com", "MANAGER");
    colleague = await service.as("carl@contoso.com");
    await createType(manager, unique("Wholesale"));
    const types = [unique("Distributor"), unique("Key account")];
    for (const name of types) await createType(manager, name);
    const customer = await createCustomer(alice, {
      types,
      emailDomains: [`${unique("fabrikam")}.example`, `${unique("abc")}.example`],
      website: "https://fabrikam.example",
      salesmanIds: [await alice.id(), await colleague.id()],
    });
    customerId = customer.id;
    const jonas = await createContact(alice, {
      customerId,
      firstName: "Jonas",
      lastName: "Keller",
      emails: [`${unique("jonas")}@fabrikam.example`, `${unique("jk")}@home.example`],
      phone: "+49 30 555",
      role: "Purchasing",
      addresses: [{ label: "Office", street: "Hauptstraße 12", city: "Berlin", country: "Germany" }],
    });
    const anna = await createContact(alice, { customerId, firstName: "Anna", lastName: "Berg" });
    const consent = (contactId: string, channel: string, status: string, date: string) =>
      made(alice, `/api/contacts/${contactId}/consent`, { channel, status, source: "Trade fair", date });
    await consent(jonas.id, "EMAIL", "GRANTED", "2026-01-10");
    await consent(jonas.id, "EMAIL", "WITHDRAWN", "2026-02-01"); // the latest per channel is current
    await consent(jonas.id, "PHONE", "GRANTED", "2026-01-10");
    await consent(anna.id, "POST", "GRANTED", "2026-03-01");
    const activity = (body: Record<string, unknown>) =>
      made(alice, "/api/activities", { type: "CALL", timeZone: "Europe/Berlin", customerId, ...body });
    await activity({ subject: "Plan visit", startsAt: "2027-03-01T09:00:00Z", reminderMinutesBefore: 15 });
    await activity({ subject: "Overdue call", startsAt: "2025-03-01T09:00:00Z", contactId: jonas.id });
    await activity({ subject: "Done", startsAt: "2026-03-01T09:00:00Z", status: "FINISHED", outcome: "Went well" });
    await made(alice, "/api/cold-calls", {
      customerId,
      contactId: anna.id,
      outcome: "CALL_BACK",
      notes: "Busy",
      samples: [
        { itemCode: "CARDIO-5", description: "Cardiozol 5 mg", quantity: 2, batch: "L-117" },
        { itemCode: "DERMA-1", quantity: 1, batch: "D-9", contactId: jonas.id },
      ],
    });
    await made(alice, "/api/notes", {
      customerId,
      bodyHtml: '<p>Prefers <b>mornings</b> <a href="https://x.example">x</a></p>',
    });
    await made(alice, "/api/notes", { customerId, contactId: jonas.id, bodyHtml: "<p>Second</p>" });
    await made(alice, "/api/email-log", {
      internetMessageId: `<${unique("msg")}@fabrikam.example>`,
      conversationId: "AAQkAGI2",
      subject: "Re: Offer 4711",
      from: { email: "jonas@fabrikam.example", name: "Jonas Keller" },
      to: [{ email: "alice@contoso.com", name: "Alice" }],
      cc: [],
      sentAt: "2026-11-20T09:30:00+01:00",
      bodyHtml: "<p>Hello</p>",
      customerId,
    });
    await made(alice, `/api/customers/${customerId}/release`, { version: 1 });
    const open = await made(alice, "/api/opportunities", {
      customerId,
      title: "Fleet renewal",
      value: "123456789012.35",
      currency: "CHF",
      stage: "PROPOSAL",
      expectedCloseDate: "2027-03-31",
    });
    await made(alice, "/api/opportunities", { customerId, title: "Won deal", value: "19.9", stage: "WON" });
    await made(alice, "/api/opportunities", { customerId, title: "No date", value: "5" });
    const incident = await made(alice, "/api/incidents", { customerId, subject: "Squeaky door", severity: "LOW" });
    await made(alice, "/api/incidents", {
      customerId,
      contactId: jonas.id,
      subject: "Line down",
      severity: "CRITICAL",
    });
    await made(alice, "/api/incidents", { customerId, subject: "Old case", state: "RESOLVED" });
    await made(alice, "/api/actions", { opportunityId: open.body.id, title: "Send proposal", dueDate: "2027-02-01" });
    await made(alice, "/api/actions", { incidentId: incident.body.id, title: "Order spare", dueDate: "2027-01-10" });
    await made(alice, "/api/actions", { customerId, title: "Check credit limit" });
    await made(alice, "/api/actions", { contactId: jonas.id, title: "Birthday card", dueDate: "2027-01-20" });
    await made(alice, `/api/customers/${customerId}/third-parties`, {
      name: "Weber & Partner",
      role: "Tax adviser",
      contractNumber: "TA-17",
      contractStart: "2026-01-01",
      contractEnd: "2027-12-31",
    });
    await made(alice, `/api/customers/${customerId}/third-parties`, { name: "LeaseCo", role: "Leasing company" });
    const address = { street: "Hafenstraße 1", postalCode: "20457", city: "Hamburg", country: "Germany" };
    await made(alice, `/api/customers/${customerId}/ship-to`, { name: "Warehouse", ...address });
    await made(alice, `/api/customers/${customerId}/ship-to`, { ...address, city: "Bremen" });
    await made(alice, `/api/customers/${customerId}/comments`, { body: "Pinned rule", pinned: true });
    await made(alice, `/api/customers/${customerId}/comments`, { body: "Newest" });
    // Loaners straight in the table: a released customer may not receive orders through the API. One overdue.
    const aliceId = (await currentUser(alice)).id;
    for (const [title, dueBackOn] of [
      ["Demo unit", "2026-01-15"],
      [null, "2099-06-30"],
    ] as const)
      await service.db.prisma.salesOrder.create({
        data: {
          customerId,
          type: "LOANER",
          title,
          dueBackOn: new Date(`${dueBackOn}T00:00:00Z`),
          currency: "EUR",
          subtotal: "0",
          discountTotal: "0",
          total: "0",
          createdById: aliceId,
        },
      });
    const agreement = (purpose: string) =>
      made(alice, `/api/customers/${customerId}/payment-agreements`, {
        purpose,
        amount: "123456789012.35",
        currency: "EUR",
        periodFrom: "2027-01-01",
        periodTo: "2027-12-31",
      });
    expect((await service.service.loanerReminders.runOnce()).planned).toBe(1);
    const rebate = await agreement("Year-end rebate");
    await agreement("Listing fee");
    await made(manager, `/api/payment-agreements/${rebate.body.id}/decision`, { decision: "APPROVED" });
    for (const amount of ["1000.10", "0.05"])
      await made(alice, `/api/payment-agreements/${rebate.body.id}/payments`, {
        amount,
        currency: "EUR",
        paidOn: "2027-02-01",
      });
  });
  afterAll(() => service.stop());

  it("answers byte for byte what each feature's own reads say, for each caller's lifecycle options", async () => {
    for (const client of [alice, manager, colleague]) {
      const record = await client.get(`/api/customers/${customerId}`);
      expect(record.status).toBe(200);
      const expected = await recordByFeatures(service.db, customerId, await currentUser(client));
      // Every section is filled, so no section can hide behind an empty array.
      for (const [section, value] of Object.entries(expected))
        if (Array.isArray(value)) expect([section, value.length > 0]).toEqual([section, true]);
      expect(JSON.stringify(record.body)).toBe(JSON.stringify(expected));
    }
    // The released customer's options differ by role: the manager approves or declines, alice may not.
    const options = async (client: ApiClient) =>
      (await client.get(`/api/customers/${customerId}`)).body.lifecycle.allowedTransitions;
    expect(await options(manager)).toEqual(["APPROVE", "DECLINE"]);
    expect(await options(alice)).toEqual([]);
  });

  it("reads the whole record in at most 3 statements, none through Prisma", async () => {
    let statements = 0;
    const counting: Database = {
      ...service.db,
      query: (sql, params) => {
        statements++;
        return service.db.query(sql, params);
      },
      // Any model or raw call through Prisma is a statement too: count each use.
      prisma: new Proxy(service.db.prisma, {
        get: (target, key) => {
          statements++;
          return Reflect.get(target, key);
        },
      }),
    };
    const records = createRecordService(createRecordRepository(counting));
    const record = await records.get(customerId, await currentUser(alice));
    expect(record.contacts.length).toBe(2);
    expect(statements).toBeLessThanOrEqual(3);
    await expect(records.get("00000000-0000-4000-8000-000000000000", await currentUser(alice))).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
