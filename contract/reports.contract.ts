import { z } from "zod";
import { ActivityStatus, ActivityType, CALL_OUTCOMES } from "./activities.contract";
import { Id, IsoDate, IsoDateTime, OneOrMany, Paging, Text, UserRef } from "./common.contract";
import { CustomerSummary, Lifecycle, StatusSummary } from "./customers.contract";
import { QuoteStatus } from "./sales-documents.contract";

// Lists and reports. Every list answers JSON, or CSV with ?format=csv (one switch for all of them,
// so a link can be shared; an Accept header cannot be put in a link). Periods are calendar days,
// both ends included, in the caller's time zone (the user's timeZone).

/** A report period may span at most this many days where it is required (activities, summary). */
export const MAX_REPORT_DAYS = 366;

const Format = z.enum(["json", "csv"]).default("json");

/** "me" or a user's id. */
export const SalesmanFilter = z.union([z.literal("me"), Id]).optional();

/** The customer filters every report shares: types (names or ids), status codes, salesman, lifecycle. */
const CustomerFilters = z.object({
  /** Customer type names (any case) or ids; repeat for several; a customer with any of them matches. */
  type: OneOrMany(Text(80)),
  /** Customer status codes; repeat for several. */
  status: OneOrMany(z.coerce.number().int().min(0).max(999)),
  /** Customers linked to this salesman ("me" for the caller). */
  salesman: SalesmanFilter,
  lifecycle: OneOrMany(Lifecycle),
});

const Period = { from: IsoDate.optional(), to: IsoDate.optional() };
const periodInOrder = <T extends { from?: string; to?: string }>(value: T) =>
  !value.from || !value.to || value.from <= value.to;
const periodMessage = { message: "must not be before from", path: ["to"] };

export const CustomerReportQuery = Paging.extend({
  ...CustomerFilters.shape,
  ...Period,
  /** What the period applies to: when the customer was created, or its latest finished activity. */
  periodOf: z.enum(["created", "lastActivity"]).default("created"),
  format: Format,
}).refine(periodInOrder, periodMessage);
export type CustomerReportQuery = z.infer<typeof CustomerReportQuery>;

/** The customer list's filters without paging: labels print every customer that matches. */
export const CustomerLabelsQuery = z
  .object({
    ...CustomerFilters.shape,
    ...Period,
    periodOf: z.enum(["created", "lastActivity"]).default("created"),
  })
  .refine(periodInOrder, periodMessage);
export type CustomerLabelsQuery = z.infer<typeof CustomerLabelsQuery>;

/** A customer summary with what a list or a label sheet needs besides. */
export const CustomerReportRow = CustomerSummary.extend({
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  salesmen: z.array(z.string()),
  createdAt: IsoDateTime,
  /** Start of the latest finished activity. */
  lastActivityAt: IsoDateTime.nullable(),
});
export type CustomerReportRow = z.infer<typeof CustomerReportRow>;

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const CustomerReportPage = page(CustomerReportRow);
export type CustomerReportPage = z.infer<typeof CustomerReportPage>;

/** A period that must be given and may span at most MAX_REPORT_DAYS. */
const RequiredPeriod = z.object({ from: IsoDate, to: IsoDate });
const periodWithinLimit = (value: { from: string; to: string }) =>
  Date.parse(value.to) - Date.parse(value.from) < MAX_REPORT_DAYS * 86_400_000;
const periodLimitMessage = { message: `must be at most ${MAX_REPORT_DAYS} days after from`, path: ["to"] };

export const ActivityReportQuery = Paging.extend({
  ...CustomerFilters.omit({ salesman: true }).shape,
  ...RequiredPeriod.shape,
  /** The activity's owner ("me" for the caller). */
  salesman: SalesmanFilter,
  activityType: OneOrMany(ActivityType),
  activityStatus: OneOrMany(ActivityStatus),
  format: Format,
})
  .refine(periodInOrder, periodMessage)
  .refine(periodWithinLimit, periodLimitMessage);
export type ActivityReportQuery = z.infer<typeof ActivityReportQuery>;

export const ActivityReportRow = z.object({
  id: Id,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  type: ActivityType,
  status: ActivityStatus,
  subject: z.string(),
  owner: UserRef,
  customer: z.object({ id: Id, accountNumber: z.string(), name: z.string(), status: StatusSummary }),
  contact: z.object({ id: Id, name: z.string() }).nullable(),
});
export type ActivityReportRow = z.infer<typeof ActivityReportRow>;
export const ActivityReportPage = page(ActivityReportRow);
export type ActivityReportPage = z.infer<typeof ActivityReportPage>;

export const ActivitySummaryQuery = z
  .object({
    ...CustomerFilters.omit({ salesman: true }).shape,
    ...RequiredPeriod.shape,
    /** Activity owners and e-mail loggers ("me" for the caller). */
    salesman: SalesmanFilter,
    groupBy: z.enum(["month", "week"]).default("month"),
    format: Format,
  })
  .refine(periodInOrder, periodMessage)
  .refine(periodWithinLimit, periodLimitMessage);
export type ActivitySummaryQuery = z.infer<typeof ActivitySummaryQuery>;

/** Activity types, and EMAIL_LOGGED for messages logged into the e-mail log. */
export const SummaryKind = z.enum([...ActivityType.options, "EMAIL_LOGGED"]);
export type SummaryKind = z.infer<typeof SummaryKind>;

export const ActivitySummaryRow = z.object({
  /** First day of the month or of the (ISO, Monday-first) week, in the caller's zone. */
  period: IsoDate,
  salesman: UserRef,
  kind: SummaryKind,
  /** Still planned; always 0 for logged e-mails. */
  planned: z.number().int(),
  /** Finished activities, or e-mails logged. */
  done: z.number().int(),
  cancelled: z.number().int(),
});
export type ActivitySummaryRow = z.infer<typeof ActivitySummaryRow>;

export const ActivitySummary = z.object({
  groupBy: z.enum(["month", "week"]),
  timeZone: z.string(),
  /** Every period of the range, first days, in order (also those with nothing in them). */
  periods: z.array(IsoDate),
  /** Only combinations with something in them, by period, salesman name, kind. */
  rows: z.array(ActivitySummaryRow),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const QuoteReportQuery = Paging.extend({
  ...CustomerFilters.shape,
  ...Period,
  quoteStatus: OneOrMany(QuoteStatus),
  format: Format,
}).refine(periodInOrder, periodMessage);
export type QuoteReportQuery = z.infer<typeof QuoteReportQuery>;

export const QuoteReportRow = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string().nullable(),
  status: QuoteStatus,
  currency: z.string(),
  total: z.string(),
  validUntil: IsoDate.nullable(),
  createdAt: IsoDateTime,
  createdBy: UserRef,
  customer: z.object({ id: Id, accountNumber: z.string(), name: z.string(), status: StatusSummary }),
  /** The customer's linked salesmen (the salesman filter matches these, not the quote's creator). */
  salesmen: z.array(z.string()),
});
export type QuoteReportRow = z.infer<typeof QuoteReportRow>;

export const QuoteReportPage = page(QuoteReportRow).extend({
  /** Over every quote that matches, not only this page. */
  totals: z.array(z.object({ currency: z.string(), count: z.number().int(), total: z.string() })),
});
export type QuoteReportPage = z.infer<typeof QuoteReportPage>;

export const ContactHistoryQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) });

export const ContactHistoryMonth = z.object({
  /** YYYY-MM in the caller's zone. */
  month: z.string(),
  calls: z.number().int(),
  /** Visits and meetings. */
  meetings: z.number().int(),
  emails: z.number().int(),
});
export type ContactHistoryMonth = z.infer<typeof ContactHistoryMonth>;

/** Finished calls, finished visits and meetings, e-mails logged, per calendar month, oldest first. */
export const ContactHistory = z.object({ timeZone: z.string(), months: z.array(ContactHistoryMonth) });
export type ContactHistory = z.infer<typeof ContactHistory>;

/** What the call records collected in one calendar month (the caller's zone). */
export const AdoptionMonth = z.object({
  /** YYYY-MM in the caller's zone. */
  month: z.string(),
  /** Profiling answers given (a cleared answer is not counted). */
  answers: z.number().int(),
  /** Calls recorded with an outcome, per outcome; every outcome present, 0 when none. */
  outcomes: z.object(
    Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, z.number().int()])) as Record<
      (typeof CALL_OUTCOMES)[number],
      z.ZodNumber
    >,
  ),
});
export type AdoptionMonth = z.infer<typeof AdoptionMonth>;

/** The adoption pathway: profiling answers and call outcomes per calendar month, oldest first. */
export const AdoptionPathway = z.object({ timeZone: z.string(), months: z.array(AdoptionMonth) });
export type AdoptionPathway = z.infer<typeof AdoptionPathway>;
