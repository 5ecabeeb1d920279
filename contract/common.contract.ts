import { z } from "zod";

/** The one error body every failing request gets. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum([
      "bad_request",
      "unauthenticated",
      "forbidden",
      "not_found",
      "conflict",
      "payload_too_large",
      "unsupported_media_type",
      "unavailable",
      "rate_limited",
      // Idempotency-Key: the key was used for another request (422), or its first request still runs (409).
      "idempotency_key_reused",
      "request_in_progress",
      "internal",
    ]),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** The request's id (X-Request-Id), also in the service's log lines: quote it when reporting a failure. */
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });

// ---- Input hygiene. Every string a request carries is built on SafeString and every date on
// IsoDate/IsoDateTime, so a value the database cannot store is a 400 naming the field, never a 500.

const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * A string without NUL (PostgreSQL text cannot hold U+0000) and without a lone surrogate (half of
 * a UTF-16 pair is not Unicode: PostgreSQL refuses it, and it would not survive UTF-8 anyway).
 */
export const SafeString = () =>
  z
    .string()
    .refine((value) => !value.includes("\u0000"), { message: "must not contain NUL characters (U+0000)" })
    .refine((value) => !LONE_SURROGATE.test(value), {
      message: "must be valid Unicode text (it holds an unpaired surrogate)",
    });

/** Years a CRM date may fall in: far enough for birthdays and contracts, near enough for the database and Graph. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const yearInRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const yearIssue = { message: `must be in the years ${MIN_YEAR} to ${MAX_YEAR}` };

export const IsoDateTime = z.iso.datetime({ offset: true }).refine(yearInRange, yearIssue);
/** A calendar day, YYYY-MM-DD. */
export const IsoDate = z.iso.date().refine(yearInRange, yearIssue);

/** An IANA time zone that this runtime knows, e.g. "Europe/Berlin". */
export const TimeZone = SafeString()
  .min(1)
  .max(100)
  .refine(isKnownTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const Email = z.email().max(320);

/** Trimmed text; empty input counts as missing. */
export const Text = (max: number) => SafeString().trim().min(1).max(max);
export const OptionalText = (max: number) =>
  SafeString()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

/** A search term: any part of what is searched, `%`, `_` and `\` included, matched literally. */
export const SearchTerm = SafeString().trim().max(200).optional();

/** PostgreSQL's integer: a version, position or offset past it would fail in the database, not here. */
export const INT32_MAX = 2_147_483_647;

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(INT32_MAX).default(0),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/** Query parameters that may be given once or repeated (?type=a&type=b). */
export const OneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const UserRef = z.object({ id: Id, name: z.string(), email: z.string() });
export type UserRef = z.infer<typeof UserRef>;

/** Optimistic concurrency: updates carry the version they were based on. */
export const VersionField = z.object({ version: z.number().int().min(1).max(INT32_MAX) });
