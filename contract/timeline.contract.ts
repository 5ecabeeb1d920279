import { z } from "zod";
import { Id, IsoDateTime, OneOrMany, Paging, UserRef } from "./common.contract";

export const TIMELINE_KINDS = ["ACTIVITY", "EMAIL", "NOTE", "QUOTE", "ORDER", "LIFECYCLE"] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** One customer's history and future in one list: activities, logged emails, notes, quotes, orders, state changes. */
export const TimelineQuery = Paging.extend({
  /** Repeat to choose several; none means all. */
  kind: OneOrMany(TimelineKind),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
}).refine((value) => !value.from || !value.to || Date.parse(value.from) <= Date.parse(value.to), {
  message: "must not be before from",
  path: ["to"],
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineItem = z.object({
  kind: TimelineKind,
  /** The id of the activity, e-mail log entry, note, quote, order or lifecycle change. */
  id: Id,
  /** When it happens or happened: an activity's start, an email's sending, a document's creation. */
  at: IsoDateTime,
  title: z.string(),
  summary: z.string().nullable(),
  by: UserRef.nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

/** Latest first. */
export const TimelinePage = z.object({
  items: z.array(TimelineItem),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;
