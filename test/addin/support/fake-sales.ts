import { http, HttpResponse } from "msw";
import type { z } from "zod";
import type { Action, Contact, Customer, Incident, Me, Opportunity, UserRef } from "contract";
import {
  ActionCreate,
  ActionListQuery,
  ActionUpdate,
  ContactUpdate,
  IncidentCreate,
  IncidentUpdate,
  OpportunityCreate,
  OpportunityUpdate,
} from "contract";
import { STAGE_PROBABILITY } from "../../../service/src/features/opportunities/opportunities.service";

interface SalesState {
  api: string;
  me: Me;
  team: UserRef[];
  customers: Customer[];
  contacts: Contact[];
  opportunities: Opportunity[];
  incidents: Incident[];
  /** Every action (the record shows the open ones); opportunity and incident actions also sit on their parent. */
  actions: Action[];
  newId: () => string;
}

const error = (status: number, code: string, message: string, details?: { field: string; message: string }[]) =>
  HttpResponse.json({ error: { code, message, details } }, { status });
const notFound = (what: string, field?: string) =>
  error(404, "not_found", `${what} was not found`, field ? [{ field, message: `no ${what} with this id` }] : undefined);
const stale = () =>
  error(409, "conflict", "It was changed by someone else since you loaded it; reload and apply your change again", [
    { field: "version", message: "is not the current version" },
  ]);

/** The contract's schema decides, as in the service: a 400 naming each failing field. */
async function parse<S extends z.ZodType>(schema: S, request: Request): Promise<z.output<S> | Response> {
  const result = schema.safeParse(await request.json());
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: ["body", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  return error(400, "bad_request", "Invalid request", details);
}

/**
 * Opportunities, incidents, actions and moving contacts with the service's rules: validation by
 * the contract, versions (409 when stale), probability by stage, the incident's contact of the
 * same customer, actions changed only by their owner or a manager.
 */
export function salesHandlers(state: SalesState) {
  const { api, me } = state;
  const now = () => new Date().toISOString();
  const user = (id: string | undefined) => state.team.find((member) => member.id === (id ?? me.id));
  const stamp = () => ({ createdAt: now(), modifiedAt: now(), version: 1 });
  const meRef = () => user(me.id)!;
  const touch = <T extends { version: number; modifiedAt: string }>(row: T, changes: Partial<T>) =>
    Object.assign(row, changes, { version: row.version + 1, modifiedAt: now() });
  const hasCustomer = (id: string) => state.customers.some((row) => row.id === id);

  return [
    http.post(`${api}/api/opportunities`, async ({ request }) => {
      const body = await parse(OpportunityCreate, request);
      if (body instanceof Response) return body;
      if (!hasCustomer(body.customerId)) return notFound("customer", "body.customerId");
      const owner = user(body.ownerId);
      if (!owner) return notFound("user", "body.ownerId");
      const row: Opportunity = {
        id: state.newId(),
        customerId: body.customerId,
        title: body.title,
        value: Number(body.value).toFixed(2),
        currency: body.currency,
        stage: body.stage,
        expectedCloseDate: body.expectedCloseDate ?? null,
        probability: body.probability ?? STAGE_PROBABILITY[body.stage],
        owner,
        createdBy: meRef(),
        actions: [],
        ...stamp(),
      };
      state.opportunities.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.patch(`${api}/api/opportunities/:id`, async ({ params, request }) => {
      const row = state.opportunities.find((candidate) => candidate.id === params.id);
      if (!row) return notFound("opportunity");
      const body = await parse(OpportunityUpdate, request);
      if (body instanceof Response) return body;
      if (body.version !== row.version) return stale();
      const { version: _version, ownerId, value, ...rest } = body;
      if (ownerId && !user(ownerId)) return notFound("user", "body.ownerId");
      const settled =
        body.probability === undefined && (body.stage === "WON" || body.stage === "LOST")
          ? { probability: STAGE_PROBABILITY[body.stage] }
          : {};
      touch(row, {
        ...rest,
        ...settled,
        ...(value !== undefined && { value: Number(value).toFixed(2) }),
        ...(ownerId && { owner: user(ownerId)! }),
      });
      return HttpResponse.json(row);
    }),
    http.post(`${api}/api/incidents`, async ({ request }) => {
      const body = await parse(IncidentCreate, request);
      if (body instanceof Response) return body;
      if (!hasCustomer(body.customerId)) return notFound("customer", "body.customerId");
      const refused = checkContact(body.contactId, body.customerId);
      if (refused) return refused;
      const owner = user(body.ownerId);
      if (!owner) return notFound("user", "body.ownerId");
      const row: Incident = {
        id: state.newId(),
        customerId: body.customerId,
        contactId: body.contactId ?? null,
        subject: body.subject,
        description: body.description ?? null,
        severity: body.severity,
        state: body.state,
        owner,
        createdBy: meRef(),
        actions: [],
        ...stamp(),
      };
      state.incidents.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.patch(`${api}/api/incidents/:id`, async ({ params, request }) => {
      const row = state.incidents.find((candidate) => candidate.id === params.id);
      if (!row) return notFound("incident");
      const body = await parse(IncidentUpdate, request);
      if (body instanceof Response) return body;
      const refused = checkContact(body.contactId, row.customerId);
      if (refused) return refused;
      if (body.version !== row.version) return stale();
      const { version: _version, ownerId, ...rest } = body;
      if (ownerId && !user(ownerId)) return notFound("user", "body.ownerId");
      touch(row, { ...rest, ...(ownerId && { owner: user(ownerId)! }) } as Partial<Incident>);
      return HttpResponse.json(row);
    }),
    http.get(`${api}/api/actions`, ({ request }) => {
      const query = ActionListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
      const ofCustomer = (action: Action) =>
        action.customerId === query.customerId ||
        state.contacts.some((contact) => contact.id === action.contactId && contact.customerId === query.customerId);
      const items = state.actions.filter(
        (action) =>
          (!query.customerId || ofCustomer(action)) &&
          (!query.contactId || action.contactId === query.contactId) &&
          (!query.opportunityId || action.opportunityId === query.opportunityId) &&
          (!query.incidentId || action.incidentId === query.incidentId) &&
          (query.mine !== "true" || action.owner.id === me.id) &&
          (query.open !== "true" || !action.done),
      );
      return HttpResponse.json({ items });
    }),
    http.post(`${api}/api/actions`, async ({ request }) => {
      const body = await parse(ActionCreate, request);
      if (body instanceof Response) return body;
      const parent = parentOf(body);
      if (parent instanceof Response) return parent;
      const owner = user(body.ownerId);
      if (!owner) return notFound("user", "body.ownerId");
      const row: Action = {
        id: state.newId(),
        title: body.title,
        notes: body.notes ?? null,
        dueDate: body.dueDate ?? null,
        owner,
        done: false,
        doneAt: null,
        ...parent,
        ...stamp(),
      };
      state.actions.push(row);
      holderOf(row)?.actions.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.patch(`${api}/api/actions/:id`, async ({ params, request }) => {
      const row = state.actions.find((candidate) => candidate.id === params.id);
      if (!row) return notFound("action");
      if (row.owner.id !== me.id && me.role === "SALESMAN")
        return error(403, "forbidden", "Only its owner, a manager or an admin may change this action");
      const body = await parse(ActionUpdate, request);
      if (body instanceof Response) return body;
      if (body.version !== row.version) return stale();
      const { version: _version, ownerId, done, ...rest } = body;
      if (ownerId && !user(ownerId)) return notFound("user", "body.ownerId");
      touch(row, {
        ...rest,
        ...(ownerId && { owner: user(ownerId)! }),
        ...(done !== undefined && { done, doneAt: done ? (row.doneAt ?? now()) : null }),
      } as Partial<Action>);
      return HttpResponse.json(row);
    }),
    http.get(`${api}/api/contacts/:id`, ({ params }) => {
      const row = state.contacts.find((candidate) => candidate.id === params.id);
      return row ? HttpResponse.json(row) : notFound("contact");
    }),
    // Moving is setting customerId; the service allows it for any contact, the pane offers it for unassigned ones.
    http.patch(`${api}/api/contacts/:id`, async ({ params, request }) => {
      const row = state.contacts.find((candidate) => candidate.id === params.id);
      if (!row) return notFound("contact");
      const body = await parse(ContactUpdate, request);
      if (body instanceof Response) return body;
      const customer = body.customerId ? state.customers.find((candidate) => candidate.id === body.customerId) : null;
      if (body.customerId && !customer) return notFound("customer", "body.customerId");
      if (body.version !== row.version) return stale();
      const { version: _version, ...rest } = body;
      touch(row, {
        ...rest,
        ...(body.customerId !== undefined && {
          customer: customer
            ? { id: customer.id, name: customer.name, accountNumber: customer.accountNumber, status: customer.status }
            : null,
        }),
      } as Partial<Contact>);
      return HttpResponse.json(row);
    }),
  ];

  function checkContact(contactId: string | null | undefined, customerId: string) {
    if (!contactId) return null;
    const contact = state.contacts.find((row) => row.id === contactId);
    if (!contact) return notFound("contact", "body.contactId");
    if (contact.customerId && contact.customerId !== customerId)
      return error(400, "bad_request", "body.contactId: this contact belongs to another customer", [
        { field: "body.contactId", message: "this contact belongs to another customer" },
      ]);
    return null;
  }

  function parentOf(body: z.output<typeof ActionCreate>) {
    const none = { opportunityId: null, incidentId: null, customerId: null, contactId: null };
    if (body.opportunityId) {
      const found = state.opportunities.find((row) => row.id === body.opportunityId);
      return found
        ? { ...none, opportunityId: found.id, customerId: found.customerId }
        : notFound("opportunity", "body.opportunityId");
    }
    if (body.incidentId) {
      const found = state.incidents.find((row) => row.id === body.incidentId);
      return found
        ? { ...none, incidentId: found.id, customerId: found.customerId }
        : notFound("incident", "body.incidentId");
    }
    if (body.customerId)
      return hasCustomer(body.customerId)
        ? { ...none, customerId: body.customerId }
        : notFound("customer", "body.customerId");
    return state.contacts.some((row) => row.id === body.contactId)
      ? { ...none, contactId: body.contactId! }
      : notFound("contact", "body.contactId");
  }

  function holderOf(action: Action) {
    return (
      state.opportunities.find((row) => row.id === action.opportunityId) ??
      state.incidents.find((row) => row.id === action.incidentId)
    );
  }
}
