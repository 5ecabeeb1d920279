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
      // Idempotency-Key: the key was used for another request (422), or its first request still runs (409).
      "idempotency_key_reused",
      "request_in_progress",
      "internal",
    ]),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });

export const IsoDateTime = z.iso.datetime({ offset: true });
/** A calendar day, YYYY-MM-DD. */
export const IsoDate = z.iso.date();

/** An IANA time zone that this runtime knows, e.g. "Europe/Berlin". */
export const TimeZone = z
  .string()
  .min(1)
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
export const Text = (max: number) => z.string().trim().min(1).max(max);
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/** Query parameters that may be given once or repeated (?type=a&type=b). */
export const OneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const UserRef = z.object({ id: Id, name: z.string(), email: z.string() });
export type UserRef = z.infer<typeof UserRef>;

/** Optimistic concurrency: updates carry the version they were based on. */
export const VersionField = z.object({ version: z.number().int().min(1) });
