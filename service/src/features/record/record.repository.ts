import type { ShipTo } from "contract";
import type { Database } from "../../db/database";
import { Prisma } from "../../generated/prisma/client";
import type { ActionRow } from "../actions/action-rows";
import type { ActivityRow } from "../activities/activities.repository";
import type { CommentRow } from "../comments/comments.repository";
import type { ConsentRow } from "../consent/consent.repository";
import type { ContactRow } from "../contacts/contacts.repository";
import type { CustomerRow } from "../customers/customers.repository";
import type { IncidentRow } from "../incidents/incidents.repository";
import type { LifecycleChangeRow } from "../lifecycle/lifecycle.repository";
import type { NoteRow } from "../notes/notes.repository";
import type { OpportunityRow } from "../opportunities/opportunities.repository";
import type { OpenLoanerRow } from "../loaners/loaners.repository";
import type { ThirdPartyRow } from "../third-parties/third-parties.repository";
import type { SampleRow } from "../samples/samples.repository";
import type { PaymentAgreementRow } from "../payments/payments.repository";

/**
 * Every section's rows, read in one statement, shaped as each feature's own Prisma read returns
 * them: the features' mappers (and so their rules: dates, decimals, overdue, sync, consent) turn
 * them into the contract. Only what is read, and in which order, is decided here.
 */
export interface RecordRows {
  customer: CustomerRow;
  contacts: (ContactRow & { consent: ConsentRow[] })[];
  future: ActivityRow[];
  history: ActivityRow[];
  notes: NoteRow[];
  emailLogCount: number;
  lifecycle: LifecycleChangeRow[];
  openOpportunities: OpportunityRow[];
  closedOpportunities: OpportunityRow[];
  openIncidents: IncidentRow[];
  settledIncidents: IncidentRow[];
  openActions: ActionRow[];
  thirdParties: ThirdPartyRow[];
  /** The contract's ShipTo is the row itself. */
  shipTo: ShipTo[];
  comments: CommentRow[];
  /** Not returned yet, soonest due first; dueBackOn as YYYY-MM-DD. */
  openLoaners: OpenLoanerRow[];
  samples: SampleRow[];
  paymentAgreements: PaymentAgreementRow[];
}

export interface RecordRepository {
  /** Null when there is no such customer. */
  rows(customerId: string, limits: { section: number; actions: number }): Promise<RecordRows | null>;
}

// Each item is {"row": <the table's columns>, "rel": <its relations>}: to_json keeps the columns'
// names and the relations' key order (a jsonb merge would sort the keys, and UserRef is {id, name, email}).
const item = (table: string, rel: string) => `json_build_object('row', to_json(${table}), 'rel', ${rel})`;
const userRef = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email)`;
const user = (column: string) => `(SELECT ${userRef("u")} FROM "User" u WHERE u.id = ${column})`;
/** The rows of a sorted, limited subquery as a JSON array (json_agg keeps the subquery's order). */
const list = (select: string) => `(SELECT COALESCE(json_agg(q.j), '[]'::json) FROM (${select}) q)`;

const ACTION_ORDER = `x.done ASC, x."dueDate" ASC NULLS LAST, x."createdAt" ASC, x.id ASC`;
const actionItem = item("x", `json_build_object('owner', ${user(`x."ownerId"`)})`);
const actionsOf = (parent: string) =>
  list(`SELECT ${actionItem} AS j FROM "Action" x WHERE x."${parent}" = p.id ORDER BY ${ACTION_ORDER}`);
const withActions = (extra = "") =>
  item(
    "p",
    `json_build_object('owner', ${user(`p."ownerId"`)}, 'createdBy', ${user(`p."createdById"`)},
      'actions', ${actionsOf("opportunityId")}${extra})`,
  );
const incidentItem = item(
  "p",
  `json_build_object('owner', ${user(`p."ownerId"`)}, 'createdBy', ${user(`p."createdById"`)}, 'actions', ${actionsOf("incidentId")})`,
);
// The value as text: to_json would make a JSON number of the decimal and lose digits.
const opportunityItem = withActions(`, 'value', p.value::text`);

const activityItem = item(
  "a",
  `json_build_object('owner', ${user(`a."ownerId"`)},
    'callResult', (SELECT json_build_object('outcome', r.outcome) FROM "CallResult" r WHERE r."activityId" = a.id))`,
);
const activities = (where: string, order: string) =>
  list(
    `SELECT ${activityItem} AS j FROM "Activity" a WHERE a."customerId" = $1 AND ${where} ORDER BY ${order} LIMIT $2`,
  );

// Salesmen by name, as the customers feature reads them.
const customerItem = item(
  "c",
  `json_build_object(
    'status', (SELECT json_build_object('code', s.code, 'label', s.label) FROM "CustomerStatus" s WHERE s.code = c."statusCode"),
    'types', ${list(`SELECT json_build_object('type', json_build_object('name', t.name)) AS j
      FROM "CustomerTypeAssignment" ta JOIN "CustomerType" t ON t.id = ta."typeId" WHERE ta."customerId" = c.id ORDER BY t.name`)},
    'salesmen', ${list(`SELECT json_build_object('user', ${userRef("u")}) AS j
      FROM "CustomerSalesman" l JOIN "User" u ON u.id = l."userId" WHERE l."customerId" = c.id ORDER BY u.name, u.id`)},
    'domains', ${list(`SELECT json_build_object('domain', d.domain) AS j FROM "CustomerDomain" d WHERE d."customerId" = c.id ORDER BY d.domain`)},
    'createdBy', ${user(`c."createdById"`)}, 'modifiedBy', ${user(`c."modifiedById"`)})`,
);

const contactItem = item(
  "k",
  `json_build_object(
    'emails', ${list(`SELECT to_json(e) AS j FROM "ContactEmail" e WHERE e."contactId" = k.id ORDER BY e.position`)},
    'addresses', ${list(`SELECT to_json(ad) AS j FROM "ContactAddress" ad WHERE ad."contactId" = k.id ORDER BY ad.position`)},
    'customer', (SELECT json_build_object('id', cu.id, 'name', cu.name, 'accountNumber', cu."accountNumber",
        'status', json_build_object('code', s.code, 'label', s.label))
      FROM "Customer" cu JOIN "CustomerStatus" s ON s.code = cu."statusCode" WHERE cu.id = k."customerId"),
    -- Consent per channel is the latest entry of that channel.
    'consent', ${list(`SELECT ${item("cr", `json_build_object('recordedBy', ${user(`cr."recordedById"`)})`)} AS j
      FROM (SELECT DISTINCT ON (channel) * FROM "ConsentRecord" WHERE "contactId" = k.id ORDER BY channel, sequence DESC) cr
      ORDER BY cr.channel`)})`,
);

// Samples: the contact by name, as the samples feature reads it.
const sampleItem = item(
  "sa",
  `json_build_object('contact', (SELECT json_build_object('id', k.id, 'firstName', k."firstName", 'lastName', k."lastName")
      FROM "Contact" k WHERE k.id = sa."contactId"), 'handedOverBy', ${user(`sa."handedOverById"`)})`,
);
// Amounts as text (revived as Decimal); the latest payments, as the payments feature reads them.
const paymentItem = item(
  "pm",
  `json_build_object('amount', pm.amount::text, 'recordedBy', ${user(`pm."recordedById"`)})`,
);
const agreementItem = item(
  "pa",
  `json_build_object('amount', pa.amount::text, 'remaining', pa.remaining::text,
    'proposedBy', ${user(`pa."proposedById"`)}, 'decidedBy', ${user(`pa."decidedById"`)},
    'payments', ${list(`SELECT ${paymentItem} AS j FROM "Payment" pm WHERE pm."agreementId" = pa.id
      ORDER BY pm."paidOn" DESC, pm."createdAt" DESC, pm.id ASC LIMIT $2`)})`,
);

// $1 the customer, $2 a section's limit, $3 the open actions' limit. Exported for its plan's test
// (test/service/query-plans.test.ts).
export const RECORD = `
  SELECT json_build_object(
    'customer', (SELECT ${customerItem} FROM "Customer" c WHERE c.id = $1),
    'contacts', ${list(`SELECT ${contactItem} AS j FROM "Contact" k WHERE k."customerId" = $1 ORDER BY k."lastName", k."firstName" LIMIT 200`)},
    'future', ${activities(`a.status = 'PLANNED'`, `a."startsAt" ASC, a.id ASC`)},
    'history', ${activities(`a.status IN ('FINISHED', 'CANCELLED')`, `a."startsAt" DESC, a.id ASC`)},
    'notes', ${list(`SELECT ${item("n", `json_build_object('author', ${user(`n."authorId"`)})`)} AS j
      FROM "Note" n WHERE n."customerId" = $1 ORDER BY n."createdAt" DESC, n.id ASC LIMIT $2`)},
    'emailLogCount', (SELECT count(*)::int FROM "EmailLogEntry" WHERE "customerId" = $1),
    'lifecycle', ${list(`SELECT ${item("h", `json_build_object('changedBy', ${user(`h."changedById"`)})`)} AS j
      FROM "CustomerLifecycleChange" h WHERE h."customerId" = $1 ORDER BY h."changedAt" DESC, h.id ASC`)},
    'openOpportunities', ${list(`SELECT ${opportunityItem} AS j FROM "Opportunity" p
      WHERE p."customerId" = $1 AND p.stage NOT IN ('WON', 'LOST')
      ORDER BY p."expectedCloseDate" ASC NULLS LAST, p."createdAt" ASC, p.id ASC LIMIT $2`)},
    'closedOpportunities', ${list(`SELECT ${opportunityItem} AS j FROM "Opportunity" p
      WHERE p."customerId" = $1 AND p.stage IN ('WON', 'LOST') ORDER BY p."modifiedAt" DESC, p.id ASC LIMIT $2`)},
    'openIncidents', ${list(`SELECT ${incidentItem} AS j FROM "Incident" p
      WHERE p."customerId" = $1 AND p.state NOT IN ('RESOLVED', 'CLOSED') ORDER BY p."createdAt" ASC, p.id ASC LIMIT 500`)},
    'settledIncidents', ${list(`SELECT ${incidentItem} AS j FROM "Incident" p
      WHERE p."customerId" = $1 AND p.state IN ('RESOLVED', 'CLOSED') ORDER BY p."modifiedAt" DESC, p.id ASC LIMIT $2`)},
    -- The customer's own, its opportunities' and incidents' (they carry customerId) and its contacts'.
    -- The contacts' ids as an array, not IN (SELECT ...): PostgreSQL reads customerId = $1 OR contactId
    -- = ANY (array) from the two indexes (a BitmapOr); an IN subquery inside the OR can only filter,
    -- so it read every open action there is (a sequential scan at bench scale).
    'openActions', ${list(`SELECT ${actionItem} AS j FROM "Action" x
      WHERE NOT x.done AND (x."customerId" = $1 OR x."contactId" = ANY (ARRAY(SELECT id FROM "Contact" WHERE "customerId" = $1)))
      ORDER BY ${ACTION_ORDER} LIMIT $3`)},
    'thirdParties', ${list(`SELECT ${item("tp", `json_build_object('createdBy', ${user(`tp."createdById"`)})`)} AS j
      FROM "ThirdParty" tp WHERE tp."customerId" = $1 ORDER BY tp.role, tp.name, tp.id`)},
    'shipTo', ${list(`SELECT json_build_object('id', st.id, 'customerId', st."customerId", 'name', st.name, 'street', st.street,
        'postalCode', st."postalCode", 'city', st.city, 'region', st.region, 'country', st.country) AS j
      FROM "ShipToAddress" st WHERE st."customerId" = $1 ORDER BY st.name ASC NULLS LAST, st.city, st.id`)},
    'comments', ${list(`SELECT ${item("cc", `json_build_object('author', ${user(`cc."authorId"`)})`)} AS j
      FROM "CustomerComment" cc WHERE cc."customerId" = $1 ORDER BY cc.pinned DESC, cc."createdAt" DESC, cc.id ASC LIMIT $2`)},
    'openLoaners', ${list(`SELECT json_build_object('id', o.id, 'number', o.number, 'title', o.title, 'dueBackOn', o."dueBackOn"::text) AS j
      FROM "SalesOrder" o WHERE o."customerId" = $1 AND o.type = 'LOANER' AND o.status = 'OPEN'
      ORDER BY o."dueBackOn" ASC, o.number ASC LIMIT 200`)},
    'samples', ${list(`SELECT ${sampleItem} AS j FROM "Sample" sa WHERE sa."customerId" = $1
      ORDER BY sa."handedOverAt" DESC, sa."createdAt" DESC, sa.id ASC LIMIT $2`)},
    'paymentAgreements', ${list(`SELECT ${agreementItem} AS j FROM "PaymentAgreement" pa WHERE pa."customerId" = $1
      ORDER BY pa."createdAt" DESC, pa.id ASC LIMIT $2`)}
  )::text AS record
  FROM (SELECT 1 FROM "Customer" WHERE id = $1) present`;

/** The columns Prisma reads as Date (timestamps, and DATE columns as midnight UTC). */
const DATE_COLUMNS = new Set([
  "createdAt",
  "modifiedAt",
  "leftAt",
  "startsAt",
  "endsAt",
  "finishedAt",
  "lastSyncedAt",
  "syncWaitingSince",
  "syncRetryAt",
  "occurrenceStart",
  "changedAt",
  "dueDate",
  "doneAt",
  "expectedCloseDate",
  "effectiveOn",
  "recordedAt",
  "contractStart",
  "contractEnd",
  "handedOverAt",
  "periodFrom",
  "periodTo",
  "decidedAt",
  "paidOn",
]);

/** Money columns the statement sends as text, so that no digit is lost to a JSON number. */
const DECIMAL_COLUMNS = new Set(["amount", "remaining"]);

/** Back to the rows Prisma would give: columns with relations, Dates and the opportunity's Decimal. */
function revive(key: string, value: unknown): unknown {
  if (typeof value === "string" && DATE_COLUMNS.has(key)) return new Date(value);
  if (typeof value === "string" && DECIMAL_COLUMNS.has(key)) return new Prisma.Decimal(value);
  if (value && typeof value === "object" && "row" in value && "rel" in value) {
    const { row, rel } = value as { row: Record<string, unknown>; rel: Record<string, unknown> };
    const merged = { ...row, ...rel };
    if (typeof rel.value === "string") merged.value = new Prisma.Decimal(rel.value);
    return merged;
  }
  return value;
}

export function createRecordRepository(db: Database): RecordRepository {
  return {
    async rows(customerId, limits) {
      const [found] = await db.query<{ record: string }>(RECORD, [customerId, limits.section, limits.actions]);
      return found ? (JSON.parse(found.record, revive) as RecordRows) : null;
    },
  };
}
