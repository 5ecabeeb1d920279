import { http, HttpResponse } from "msw";
import { createFakeAttachments } from "./fake-attachments";
import { setupServer } from "msw/node";
import type {
  Action,
  Activity,
  CallOutcome,
  Contact,
  Customer,
  CustomerRecord,
  EmailLogEntry,
  Incident,
  LifecycleChange,
  LifecycleTransition,
  LookupMatch,
  Me,
  MySyncHealth,
  Note,
  Opportunity,
  Template,
} from "contract";
import { CALL_OUTCOME_LABELS, allows, orderRefusals } from "contract";
import { createFakeDetails } from "./fake-details";
import { createFakeReports } from "./fake-reports";
import { createFakeComments, createFakeProfiling } from "./fake-profiling-comments";
import { createFakeSalesDocuments } from "./fake-sales-documents";
import { salesHandlers } from "./fake-sales";

export const API = "http://crm.test";
const NOW = "2026-01-10T10:00:00.000Z";
let ids = 0;
const id = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`;

export const ME: Me = {
  id: id(),
  name: "Alice Wagner",
  email: "alice@contoso.com",
  role: "SALESMAN",
  timeZone: "Europe/Berlin",
};
const BEN = { id: id(), name: "Ben Okafor", email: "ben@contoso.com" };
const alice = { id: ME.id, name: ME.name, email: ME.email };

function customer(fields: Partial<Customer> & Pick<Customer, "name" | "accountNumber" | "status">): Customer {
  return {
    id: id(),
    lifecycle: "ACTIVE",
    types: [],
    city: "Berlin",
    country: "Germany",
    phone: null,
    address: { street: null, postalCode: null, city: "Berlin", region: null, country: "Germany" },
    website: null,
    emailDomains: [],
    salesmen: [alice],
    canReceiveOrders:
      orderRefusals({ statusCode: fields.status.code, lifecycle: fields.lifecycle ?? "ACTIVE" }).length === 0,
    createdBy: alice,
    createdAt: NOW,
    modifiedBy: alice,
    modifiedAt: NOW,
    version: 1,
    ...fields,
  };
}

function activity(customerId: string, fields: Partial<Activity>): Activity {
  return {
    id: id(),
    type: "CALL",
    templateId: null,
    subject: "Call",
    notes: null,
    location: null,
    startsAt: NOW,
    endsAt: NOW,
    timeZone: "Europe/Berlin",
    allDay: false,
    status: "PLANNED",
    reminderMinutesBefore: 15,
    owner: alice,
    customerId,
    contactId: null,
    finishedAt: null,
    callOutcome: null,
    sync: { state: "NOT_SYNCED", eventId: null, error: null, lastSyncedAt: null, waiting: null },
    createdAt: NOW,
    modifiedAt: NOW,
    version: 1,
    ...fields,
  };
}

/** An in-memory CRM behind msw: enough of the service's behaviour for the pane's journeys. */
export function createFakeCrm() {
  /** The signed-in user; a test may make them a manager before rendering. */
  const me: Me = { ...ME };
  const fabrikam = customer({
    name: "Fabrikam, Inc.",
    accountNumber: "10001",
    status: { code: 1, label: "Customer" },
    types: ["Distributor", "Key account"],
    phone: "+49 30 1234560",
    address: { street: "Hauptstraße 12", postalCode: "10115", city: "Berlin", region: null, country: "Germany" },
    emailDomains: ["fabrikam.com"],
  });
  const fabrikamServices = customer({
    name: "Fabrikam Services GmbH",
    accountNumber: "10014",
    status: { code: 2, label: "Prospect" },
    lifecycle: "NEW",
    emailDomains: ["fabrikam.com"],
  });
  const tailspin = customer({
    name: "Tailspin Toys",
    accountNumber: "10004",
    status: { code: 3, label: "Contact at a fair" },
    lifecycle: "RELEASED",
    types: ["Reseller"],
    emailDomains: ["tailspintoys.com"],
    salesmen: [BEN],
  });
  const customers = [fabrikam, fabrikamServices, tailspin];
  const contact = (customerRow: Customer | null, firstName: string, lastName: string, email: string): Contact => ({
    id: id(),
    customerId: customerRow?.id ?? null,
    customer: customerRow
      ? {
          id: customerRow.id,
          name: customerRow.name,
          accountNumber: customerRow.accountNumber,
          status: customerRow.status,
        }
      : null,
    firstName,
    lastName,
    emails: [email],
    phone: null,
    role: firstName === "Jonas" ? "Purchasing manager" : null,
    createdAt: NOW,
    modifiedAt: NOW,
    version: 1,
  });
  const contacts: Contact[] = [
    contact(fabrikam, "Jonas", "Keller", "jonas.keller@fabrikam.com"),
    contact(tailspin, "Giulia", "Conti", "giulia.conti@tailspintoys.com"),
    contact(null, "Oliver", "Stone", "oliver.stone@gmail.com"),
  ];
  const activities: Activity[] = [
    activity(fabrikam.id, { subject: "Quarterly business review", type: "MEETING", startsAt: "2099-03-01T12:00:00Z" }),
    activity(fabrikam.id, {
      subject: "Visit in Berlin",
      type: "VISIT",
      startsAt: "2025-11-01T09:00:00Z",
      status: "FINISHED",
    }),
  ];
  const notes: Note[] = [
    {
      id: id(),
      customerId: fabrikam.id,
      contactId: null,
      // As the service would never store it: the pane must still not run or link it.
      bodyHtml:
        '<p>Framework agreement: <a href="https://fabrikam.example/agreement">agreement</a> <a href="javascript:alert(1)">bad link</a><img src=x onerror="window.__pwned=1"></p>',
      bodyText: "Framework agreement",
      author: alice,
      createdAt: NOW,
      modifiedAt: NOW,
      version: 1,
    },
  ];
  const emailLog: EmailLogEntry[] = [];
  const templates: Template[] = [
    {
      id: id(),
      name: "Customer visit",
      type: "VISIT",
      subject: "Visit at customer site",
      notes: null,
      durationMinutes: 120,
      reminderMinutesBefore: 60,
    },
  ];
  const requests: { method: string; path: string; body: unknown; idempotencyKey: string | null }[] = [];
  const ref = (row: Customer) => ({ id: row.id, name: row.name, accountNumber: row.accountNumber, status: row.status });

  const lookup = (email: string): LookupMatch => {
    const found = contacts.filter((row) => row.emails.includes(email));
    if (found.length > 0) {
      const owners = [...new Set(found.map((row) => row.customerId).filter(Boolean))];
      return {
        email,
        contacts: found.map(({ id: contactId, firstName, lastName, role, customer: owner }) => ({
          id: contactId,
          firstName,
          lastName,
          role,
          customer: owner,
          withdrawnConsent: details.withdrawn(contactId),
        })),
        customer: owners.length === 1 ? found.find((row) => row.customer)!.customer : null,
        domainCustomers: [],
        matchedBy: "contact",
      };
    }
    const domain = email.split("@")[1]!;
    const byDomain = customers.filter((row) => row.emailDomains.includes(domain)).map(ref);
    return {
      email,
      contacts: [],
      customer: byDomain.length === 1 ? byDomain[0]! : null,
      domainCustomers: byDomain,
      matchedBy: byDomain.length > 0 ? "domain" : "none",
    };
  };

  const lifecycleHistory = new Map<string, LifecycleChange[]>();
  const salesDocuments = createFakeSalesDocuments({
    API,
    id,
    me,
    customerOf: (customerId) => customers.find((row) => row.id === customerId),
  });
  const details = createFakeDetails({
    API,
    id,
    me,
    now: NOW,
    customerExists: (customerId) => customers.some((row) => row.id === customerId),
    contactExists: (contactId) => contacts.some((row) => row.id === contactId),
    activities,
    emailLog,
    notes,
    lifecycleHistory,
  });
  const extras = {
    API,
    id,
    me,
    customerExists: (customerId: string) => customers.some((row) => row.id === customerId),
  };
  const comments = createFakeComments(extras);
  const profiling = createFakeProfiling(extras);
  const reports = createFakeReports({
    API,
    me,
    team: [alice, BEN],
    customers,
    activities,
    emailLog,
    quotes: salesDocuments.quotes,
    statusCodes: [1, 2, 3],
    typeNames: () => ["Distributor", "Key account", "Reseller"],
  });
  const opportunities: Opportunity[] = [];
  const incidents: Incident[] = [];
  const openActions: Action[] = [];
  // As the service rules it, from the contract's authorisation table.
  const linked = (row: Customer) => ({ linked: row.salesmen.some((salesman) => salesman.id === me.id) });
  const allowedTransitions = (row: Customer): LifecycleTransition[] => {
    if (row.lifecycle === "NEW" || row.lifecycle === "DECLINED")
      return allows(me.role, "customers:release", linked(row)) ? ["RELEASE"] : [];
    if (row.lifecycle === "RELEASED" && allows(me.role, "customers:approve")) return ["APPROVE", "DECLINE"];
    return [];
  };
  const lifecycleOf = (row: Customer) => ({
    state: row.lifecycle,
    allowedTransitions: allowedTransitions(row),
    history: lifecycleHistory.get(row.id) ?? [],
  });

  const record = (customerId: string): CustomerRecord | null => {
    const row = customers.find((candidate) => candidate.id === customerId);
    if (!row) return null;
    const mine = activities.filter((item) => item.customerId === row.id);
    const now = Date.now();
    return {
      customer: row,
      contacts: contacts
        .filter((item) => item.customerId === row.id)
        .map((item) => ({ ...item, consent: details.channels(item.id) })),
      ...details.recordFields(row.id),
      comments: comments.forRecord(row.id),
      activities: {
        future: mine.filter((item) => Date.parse(item.startsAt) >= now),
        history: mine.filter((item) => Date.parse(item.startsAt) < now),
      },
      notes: notes.filter((item) => item.customerId === row.id),
      emailLogCount: emailLog.filter((item) => item.customerId === row.id).length,
      lifecycle: lifecycleOf(row),
      opportunities: opportunities.filter((item) => item.customerId === row.id),
      incidents: incidents.filter((item) => item.customerId === row.id),
      // Like the service: the customer's own, its opportunities' and incidents', and its contacts' open actions.
      openActions: openActions.filter(
        (item) =>
          !item.done &&
          (item.customerId === row.id ||
            contacts.some((person) => person.id === item.contactId && person.customerId === row.id)),
      ),
    };
  };

  const log = async (request: Request) => {
    // A DELETE has no body.
    const body =
      request.method === "GET"
        ? undefined
        : await request
            .clone()
            .json()
            .catch(() => undefined);
    const url = new URL(request.url);
    requests.push({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      body,
      idempotencyKey: request.headers.get("idempotency-key"),
    });
  };
  const notFound = () => HttpResponse.json({ error: { code: "not_found", message: "not found" } }, { status: 404 });

  const attachments = createFakeAttachments({ api: API, me, customers, activities, notes, emailLog });
  /** What GET /api/sync/health/me answers ("Outlook sync" panel); a test may change it before rendering. */
  const syncHealth: MySyncHealth = {
    enabled: true,
    notifications: true,
    health: {
      user: { id: me.id, email: me.email, name: me.name },
      lastPushAt: null,
      lastPullAt: null,
      pending: 0,
      failed: 0,
      waiting: [],
      lastError: null,
      subscription: { state: "ACTIVE", expiresAt: null, lastNotificationAt: null },
    },
  };
  const handlers = [
    http.all(`${API}/*`, async ({ request }) => {
      await log(request);
      if (request.headers.get("authorization") !== "Bearer test-token")
        return HttpResponse.json({ error: { code: "unauthenticated", message: "no token" } }, { status: 401 });
      return undefined;
    }),
    http.get(`${API}/api/me`, () => HttpResponse.json(me)),
    http.get(`${API}/api/sync/health/me`, () => HttpResponse.json(syncHealth)),
    // Before the catch-all /api/customers/:id/:step of the lifecycle.
    ...attachments.handlers,
    ...details.handlers,
    ...comments.handlers,
    ...profiling.handlers,
    ...reports.handlers,
    // Before the lifecycle route: POST /api/customers/:id/:step would take .../special-prices.
    ...salesDocuments.handlers,
    ...salesHandlers({
      api: API,
      me,
      team: [alice, BEN],
      customers,
      contacts,
      opportunities,
      incidents,
      actions: openActions,
      newId: id,
    }),
    // Cold calls as the service writes them: a finished CALL now, and the follow-up planned.
    http.post(`${API}/api/cold-calls`, async ({ request }) => {
      const body = (await request.json()) as {
        customerId: string;
        contactId?: string | null;
        outcome: CallOutcome;
        followUp?: { subject: string; startsAt: string };
      };
      const call = activity(body.customerId, {
        subject: `Cold call: ${CALL_OUTCOME_LABELS[body.outcome].toLowerCase()}`,
        status: "FINISHED",
        callOutcome: body.outcome,
        startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        contactId: body.contactId ?? null,
      });
      activities.push(call);
      const followUp = body.followUp
        ? activity(body.customerId, { subject: body.followUp.subject, startsAt: body.followUp.startsAt })
        : null;
      if (followUp) activities.push(followUp);
      return HttpResponse.json({ call, outcome: body.outcome, followUp }, { status: 201 });
    }),
    http.get(`${API}/api/users`, () =>
      HttpResponse.json({ items: [me, { ...BEN, role: "SALESMAN", timeZone: "Europe/London" }] }),
    ),
    http.put(`${API}/api/customers/:id/salesmen`, async ({ params, request }) => {
      const row = customers.find((candidate) => candidate.id === params.id);
      if (!row) return notFound();
      const body = (await request.json()) as { version: number; salesmanIds: string[] };
      if (!allows(me.role, "customers:salesmen", linked(row)))
        return HttpResponse.json(
          { error: { code: "forbidden", message: "Only a salesman linked to this customer, a manager or an admin" } },
          { status: 403 },
        );
      if (body.version !== row.version)
        return HttpResponse.json({ error: { code: "conflict", message: "changed by someone else" } }, { status: 409 });
      row.salesmen = [alice, BEN].filter((user) => body.salesmanIds.includes(user.id));
      row.version += 1;
      return HttpResponse.json(row);
    }),
    // Lifecycle as the service rules it: release NEW (salesman or above), approve or decline RELEASED (manager).
    http.post(`${API}/api/customers/:id/:step`, async ({ params, request }) => {
      const row = customers.find((candidate) => candidate.id === params.id);
      const step = String(params.step);
      if (!row || !["release", "approve", "decline"].includes(step)) return notFound();
      const body = (await request.json()) as { version: number; reason?: string };
      if (body.version !== row.version)
        return HttpResponse.json({ error: { code: "conflict", message: "changed by someone else" } }, { status: 409 });
      const transition = step.toUpperCase() as LifecycleTransition;
      if (!allowedTransitions(row).includes(transition))
        return HttpResponse.json(
          { error: { code: "conflict", message: `not allowed from ${row.lifecycle}` } },
          { status: 409 },
        );
      const from = row.lifecycle;
      row.lifecycle = step === "release" ? "RELEASED" : step === "approve" ? "ACTIVE" : "NEW";
      row.version += 1;
      lifecycleHistory.set(row.id, [
        {
          id: id(),
          transition,
          from,
          to: row.lifecycle,
          reason: body.reason ?? null,
          changedBy: { id: me.id, name: me.name, email: me.email },
          changedAt: NOW,
        },
        ...(lifecycleHistory.get(row.id) ?? []),
      ]);
      return HttpResponse.json({ customer: row, lifecycle: lifecycleOf(row) });
    }),
    http.get(`${API}/api/lookup`, ({ request }) =>
      HttpResponse.json({ matches: new URL(request.url).searchParams.getAll("email").map(lookup) }),
    ),
    http.get(`${API}/api/customer-statuses`, () =>
      HttpResponse.json({
        items: [
          { code: 1, label: "Customer" },
          { code: 2, label: "Prospect" },
          { code: 3, label: "Contact at a fair" },
        ],
      }),
    ),
    http.get(`${API}/api/types`, () =>
      HttpResponse.json({
        items: ["Distributor", "Key account", "Reseller"].map((name) => ({ id: id(), name, customerCount: 1 })),
      }),
    ),
    http.get(`${API}/api/templates`, () => HttpResponse.json({ items: templates })),
    http.get(`${API}/api/customers`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const search = (params.get("search") ?? "").toLowerCase();
      const types = params.getAll("type");
      const statuses = params.getAll("status").map(Number);
      const items = customers.filter(
        (row) =>
          (!search || row.name.toLowerCase().includes(search) || row.accountNumber.includes(search)) &&
          (types.length === 0 || types.some((type) => row.types.includes(type))) &&
          (statuses.length === 0 || statuses.includes(row.status.code)) &&
          (params.get("mine") !== "true" || row.salesmen.some((salesman) => salesman.id === me.id)),
      );
      return HttpResponse.json({ items, total: items.length, limit: 25, offset: 0 });
    }),
    http.get(`${API}/api/customers/:id`, ({ params }) => {
      const found = record(String(params.id));
      return found ? HttpResponse.json(found) : notFound();
    }),
    http.post(`${API}/api/customers`, async ({ request }) => {
      const body = (await request.json()) as {
        name: string;
        accountNumber: string;
        status: number;
        emailDomains?: string[];
      };
      const row = customer({
        name: body.name,
        accountNumber: body.accountNumber,
        status: { code: body.status, label: body.status === 1 ? "Customer" : "Prospect" },
        lifecycle: "NEW",
        emailDomains: body.emailDomains ?? [],
      });
      customers.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.post(`${API}/api/contacts`, async ({ request }) => {
      const body = (await request.json()) as {
        customerId: string | null;
        firstName: string;
        lastName: string;
        emails: string[];
      };
      const owner = customers.find((row) => row.id === body.customerId) ?? null;
      const row = contact(owner, body.firstName, body.lastName, body.emails[0]!);
      contacts.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.post(`${API}/api/activities`, async ({ request }) => {
      const body = (await request.json()) as Partial<Activity> & { customerId: string };
      const row = activity(body.customerId, { ...body, owner: alice } as Partial<Activity>);
      activities.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.post(`${API}/api/notes`, async ({ request }) => {
      const body = (await request.json()) as { customerId: string; contactId: string | null; bodyHtml: string };
      const row: Note = {
        id: id(),
        ...body,
        bodyText: body.bodyHtml,
        author: alice,
        createdAt: NOW,
        modifiedAt: NOW,
        version: 1,
      };
      notes.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.post(`${API}/api/email-log`, async ({ request }) => {
      const body = (await request.json()) as EmailLogEntry & { from: { email: string; name: string | null } };
      // Like the service: once per message and customer, whoever sends it again.
      const existing = emailLog.find(
        (row) => row.internetMessageId === body.internetMessageId && row.customerId === body.customerId,
      );
      if (existing) return HttpResponse.json({ id: existing.id, created: false, entry: existing }, { status: 200 });
      const entry: EmailLogEntry = {
        ...body,
        id: id(),
        conversationId: body.conversationId ?? null,
        receivedAt: body.receivedAt ?? null,
        contactId: body.contactId ?? null,
        loggedBy: alice,
        loggedAt: NOW,
      };
      emailLog.push(entry);
      return HttpResponse.json({ id: entry.id, created: true, entry }, { status: 201 });
    }),
    http.get(`${API}/api/customers/:id/email-log`, ({ params }) => {
      const items = emailLog.filter((row) => row.customerId === params.id);
      return HttpResponse.json({ items, total: items.length, limit: 5, offset: 0 });
    }),
    http.get(`${API}/api/email-log/status`, ({ request }) => {
      const messageId = new URL(request.url).searchParams.get("internetMessageId");
      return HttpResponse.json({
        internetMessageId: messageId,
        entries: emailLog
          .filter((row) => row.internetMessageId === messageId)
          .map(({ id: entryId, customerId, loggedBy, loggedAt }) => ({ id: entryId, customerId, loggedBy, loggedAt })),
      });
    }),
  ];

  return {
    handlers,
    syncHealth,
    /** Files the fake holds. */
    attachments,
    requests,
    me,
    customers: { fabrikam, fabrikamServices, tailspin },
    /** Comments and profiling sets and answers the fake holds. */
    comments,
    profiling,
    /** Quotes, orders and special prices the fake holds. */
    salesDocuments,
    lifecycleHistory,
    opportunities,
    incidents,
    openActions,
    contacts,
    emailLog,
    activities,
    /** Third parties, ship-to addresses and consent entries. */
    details,
    /** The report files (CSV, PDF) the pane downloaded, by query string. */
    reports,
    /** A colleague logged this message for a customer already (another device, another user). */
    loggedByColleague(internetMessageId: string, customerId: string) {
      emailLog.push({
        id: id(),
        internetMessageId,
        conversationId: null,
        subject: "",
        from: { email: "x@y.z", name: null },
        to: [],
        cc: [],
        sentAt: NOW,
        receivedAt: null,
        bodyHtml: "",
        bodyText: "",
        customerId,
        contactId: null,
        loggedBy: BEN,
        loggedAt: NOW,
      });
    },
  };
}

export type FakeCrm = ReturnType<typeof createFakeCrm>;

export const server = setupServer();
