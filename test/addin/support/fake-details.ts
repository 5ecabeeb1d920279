import { http, HttpResponse } from "msw";
import type { z } from "zod";
import type {
  Activity,
  ConsentChannel,
  ConsentChannelState,
  ConsentEntry,
  EmailLogEntry,
  LifecycleChange,
  Me,
  Note,
  ShipTo,
  ThirdParty,
  TimelineItem,
} from "contract";
import {
  CONSENT_CHANNELS,
  ConsentRecordCreate,
  ShipToCreate,
  ShipToUpdate,
  ThirdPartyCreate,
  ThirdPartyUpdate,
  TimelineQuery,
} from "contract";
import { dayInZone } from "contract/zoned-time";

// Third parties, ship-to addresses, consent and the timeline as the service rules them: the
// contract's own schemas validate, and a 400 names the field the way the service does.

const badRequest = (details: { field: string; message: string }[]) =>
  HttpResponse.json({ error: { code: "bad_request", message: "Invalid request", details } }, { status: 400 });
const notFound = () => HttpResponse.json({ error: { code: "not_found", message: "not found" } }, { status: 404 });

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string) {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data as z.output<T> };
  return {
    error: badRequest(
      result.error.issues.map((issue) => ({
        field: [where, ...issue.path.map(String)].join("."),
        message: issue.message,
      })),
    ),
  };
}

export function createFakeDetails(deps: {
  API: string;
  id: () => string;
  me: Me;
  now: string;
  customerExists: (id: string) => boolean;
  contactExists: (id: string) => boolean;
  activities: Activity[];
  emailLog: EmailLogEntry[];
  notes: Note[];
  lifecycleHistory: Map<string, LifecycleChange[]>;
}) {
  const { API, id, me, now } = deps;
  const user = () => ({ id: me.id, name: me.name, email: me.email });
  const thirdParties: ThirdParty[] = [];
  const shipTo: ShipTo[] = [];
  /** Every consent entry, newest first, as the service keeps them. */
  const consent: (ConsentEntry & { contactId: string })[] = [];

  const withoutContact = ({ contactId: _contactId, ...entry }: ConsentEntry & { contactId: string }) => entry;
  const channels = (contactId: string): ConsentChannelState[] =>
    CONSENT_CHANNELS.map((channel) => {
      const current = consent.find((row) => row.contactId === contactId && row.channel === channel);
      return { channel, status: current?.status ?? "UNKNOWN", current: current ? withoutContact(current) : null };
    });
  const consentView = (contactId: string) => ({
    contactId,
    channels: channels(contactId),
    history: consent.filter((row) => row.contactId === contactId).map(withoutContact),
  });
  const withdrawn = (contactId: string): ConsentChannel[] =>
    channels(contactId)
      .filter((state) => state.status === "WITHDRAWN")
      .map((state) => state.channel);

  const timeline = (customerId: string): TimelineItem[] => [
    ...deps.activities
      .filter((row) => row.customerId === customerId)
      .map((row) => ({
        kind: "ACTIVITY" as const,
        id: row.id,
        at: row.startsAt,
        title: `${row.type.toLowerCase()}: ${row.subject}`,
        summary: row.status.toLowerCase(),
        by: row.owner,
      })),
    ...deps.emailLog
      .filter((row) => row.customerId === customerId)
      .map((row) => ({
        kind: "EMAIL" as const,
        id: row.id,
        at: row.sentAt,
        title: row.subject,
        summary: `from ${row.from.email}`,
        by: row.loggedBy,
      })),
    ...deps.notes
      .filter((row) => row.customerId === customerId)
      .map((row) => ({
        kind: "NOTE" as const,
        id: row.id,
        at: row.createdAt,
        title: row.bodyText,
        summary: null,
        by: row.author,
      })),
    ...(deps.lifecycleHistory.get(customerId) ?? []).map((row) => ({
      kind: "LIFECYCLE" as const,
      id: row.id,
      at: row.changedAt,
      title: `${row.transition.toLowerCase()}: ${row.from} → ${row.to}`,
      summary: row.reason,
      by: row.changedBy,
    })),
  ];

  const handlers = [
    http.get(`${API}/api/customers/:id/third-parties`, ({ params }) =>
      deps.customerExists(String(params.id))
        ? HttpResponse.json({ items: thirdParties.filter((row) => row.customerId === params.id) })
        : notFound(),
    ),
    http.post(`${API}/api/customers/:id/third-parties`, async ({ params, request }) => {
      const parsed = parse(ThirdPartyCreate, await request.json(), "body");
      if (parsed.error) return parsed.error;
      if (!deps.customerExists(String(params.id))) return notFound();
      const row: ThirdParty = {
        id: id(),
        customerId: String(params.id),
        email: null,
        phone: null,
        contractNumber: null,
        contractStart: null,
        contractEnd: null,
        notes: null,
        ...parsed.data,
        createdBy: user(),
        createdAt: now,
        modifiedAt: now,
        version: 1,
      };
      thirdParties.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.patch(`${API}/api/third-parties/:id`, async ({ params, request }) => {
      const parsed = parse(ThirdPartyUpdate, await request.json(), "body");
      if (parsed.error) return parsed.error;
      const row = thirdParties.find((candidate) => candidate.id === params.id);
      if (!row) return notFound();
      if (parsed.data.version !== row.version)
        return HttpResponse.json({ error: { code: "conflict", message: "changed by someone else" } }, { status: 409 });
      const { version: _version, ...fields } = parsed.data;
      const next = { ...row, ...fields };
      if (next.contractStart && next.contractEnd && next.contractEnd < next.contractStart)
        return badRequest([{ field: "body.contractEnd", message: "must not be before contractStart" }]);
      Object.assign(row, next, { version: row.version + 1 });
      return HttpResponse.json(row);
    }),
    http.delete(`${API}/api/third-parties/:id`, ({ params }) => {
      const index = thirdParties.findIndex((candidate) => candidate.id === params.id);
      if (index < 0) return notFound();
      thirdParties.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${API}/api/customers/:id/ship-to`, ({ params }) =>
      deps.customerExists(String(params.id))
        ? HttpResponse.json({ items: shipTo.filter((row) => row.customerId === params.id) })
        : notFound(),
    ),
    http.post(`${API}/api/customers/:id/ship-to`, async ({ params, request }) => {
      const parsed = parse(ShipToCreate, await request.json(), "body");
      if (parsed.error) return parsed.error;
      if (!deps.customerExists(String(params.id))) return notFound();
      const row: ShipTo = { id: id(), customerId: String(params.id), name: null, region: null, ...parsed.data };
      shipTo.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.patch(`${API}/api/ship-to/:id`, async ({ params, request }) => {
      const parsed = parse(ShipToUpdate, await request.json(), "body");
      if (parsed.error) return parsed.error;
      const row = shipTo.find((candidate) => candidate.id === params.id);
      if (!row) return notFound();
      Object.assign(row, parsed.data);
      return HttpResponse.json(row);
    }),
    http.delete(`${API}/api/ship-to/:id`, ({ params }) => {
      const index = shipTo.findIndex((candidate) => candidate.id === params.id);
      if (index < 0) return notFound();
      shipTo.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${API}/api/contacts/:id/consent`, ({ params }) =>
      deps.contactExists(String(params.id)) ? HttpResponse.json(consentView(String(params.id))) : notFound(),
    ),
    http.post(`${API}/api/contacts/:id/consent`, async ({ params, request }) => {
      const parsed = parse(ConsentRecordCreate, await request.json(), "body");
      if (parsed.error) return parsed.error;
      const contactId = String(params.id);
      if (!deps.contactExists(contactId)) return notFound();
      if (parsed.data.date > dayInZone(new Date(), me.timeZone))
        return badRequest([{ field: "body.date", message: "must not be in the future" }]);
      consent.unshift({ id: id(), contactId, ...parsed.data, recordedBy: user(), recordedAt: now });
      return HttpResponse.json(consentView(contactId), { status: 201 });
    }),
    http.get(`${API}/api/customers/:id/timeline`, ({ params, request }) => {
      const customerId = String(params.id);
      if (!deps.customerExists(customerId)) return notFound();
      const search = new URL(request.url).searchParams;
      const parsed = parse(
        TimelineQuery,
        {
          kind: search.getAll("kind"),
          from: search.get("from") ?? undefined,
          to: search.get("to") ?? undefined,
          limit: search.get("limit") ?? undefined,
          offset: search.get("offset") ?? undefined,
        },
        "query",
      );
      if (parsed.error) return parsed.error;
      const query = parsed.data;
      const items = timeline(customerId)
        .filter(
          (item) =>
            (query.kind.length === 0 || query.kind.includes(item.kind)) &&
            (!query.from || item.at >= new Date(query.from).toISOString()) &&
            (!query.to || item.at <= new Date(query.to).toISOString()),
        )
        .sort((a, b) => b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
      return HttpResponse.json({
        items: items.slice(query.offset, query.offset + query.limit),
        total: items.length,
        limit: query.limit,
        offset: query.offset,
      });
    }),
  ];

  return {
    handlers,
    thirdParties,
    shipTo,
    consent,
    /** What the record adds for the customer. */
    recordFields: (customerId: string) => ({
      thirdParties: thirdParties.filter((row) => row.customerId === customerId),
      shipTo: shipTo.filter((row) => row.customerId === customerId),
    }),
    channels,
    withdrawn,
    /** A consent entry recorded earlier (newest is added last). */
    recordConsent(
      contactId: string,
      channel: ConsentChannel,
      status: "GRANTED" | "WITHDRAWN",
      source: string,
      date: string,
    ) {
      consent.unshift({ id: id(), contactId, channel, status, source, date, recordedBy: user(), recordedAt: now });
    },
  };
}
