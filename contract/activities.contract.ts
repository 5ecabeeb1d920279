import { z } from "zod";
import {
  Id,
  IsoDate,
  IsoDateTime,
  OptionalText,
  Paging,
  Text,
  TimeZone,
  UserRef,
  VersionField,
  pageOf,
} from "./common.contract";
import { ActivitySync } from "./sync.contract";
import { SamplesHandedOver } from "./samples.contract";
import { ACTIVITY_TYPES, CALL_OUTCOMES } from "./activity-kinds";

export { ACTIVITY_TYPES, CALL_OUTCOMES };
export const ActivityType = z.enum(ACTIVITY_TYPES);
export const ActivityStatus = z.enum(["PLANNED", "FINISHED", "CANCELLED"]);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

export const CallOutcome = z.enum(CALL_OUTCOMES);
export type CallOutcome = z.infer<typeof CallOutcome>;
/** How an outcome reads, in the pane and in a cold call's default subject. */
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  INTERESTED: "Interested",
  NOT_INTERESTED: "Not interested",
  CALL_BACK: "Call back",
  NO_ANSWER: "No answer",
  WRONG_CONTACT: "Wrong contact",
  MEETING_AGREED: "Meeting agreed",
};

const ReminderMinutes = z.number().int().min(0).max(40320);

// No defaults here: zod applies defaults inside .partial(), and an update must not reset what it omits.
const ActivityFields = z.object({
  customerId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  templateId: Id.nullable().optional(),
  type: ActivityType.optional(),
  subject: Text(255).optional(),
  notes: OptionalText(20000),
  location: OptionalText(255),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.optional(),
  timeZone: TimeZone,
  allDay: z.boolean(),
  status: ActivityStatus,
  reminderMinutesBefore: ReminderMinutes.nullable().optional(),
  ownerId: Id.optional(),
  /** A MEETING only: Outlook makes it a Teams meeting (and keeps it one once made). */
  onlineMeeting: z.boolean().optional(),
  /** How it went, in the user's words (any type of activity); only for a finished one. */
  outcome: OptionalText(2000),
  /** How a call went, as one of the outcomes a cold call records too; only for a finished CALL. */
  callOutcome: CallOutcome.nullable().optional(),
});

const endsAfterStart = (value: { startsAt?: string; endsAt?: string }) =>
  !value.startsAt || !value.endsAt || Date.parse(value.endsAt) >= Date.parse(value.startsAt);
const endsAfterStartIssue = { message: "must not be before startsAt", path: ["endsAt"] };

/** type and subject may come from a template; without one they are required. */
export const ActivityCreate = ActivityFields.extend({
  allDay: z.boolean().default(false),
  status: ActivityStatus.default("PLANNED"),
})
  .refine(endsAfterStart, endsAfterStartIssue)
  .refine((value) => value.templateId || value.type, { message: "is required without templateId", path: ["type"] })
  .refine((value) => value.templateId || value.subject, {
    message: "is required without templateId",
    path: ["subject"],
  });
export type ActivityCreate = z.infer<typeof ActivityCreate>;

/**
 * Reschedule (startsAt, endsAt, timeZone), edit, finish (status FINISHED with outcome, callOutcome
 * and notes), cancel (CANCELLED) or reopen (back to PLANNED). An outcome belongs to a finished
 * activity only: leaving FINISHED clears it.
 */
export const ActivityUpdate = ActivityFields.omit({ templateId: true })
  .partial()
  .extend(VersionField.shape)
  // Samples handed over at the visit or call being finished, saved with the finish (status FINISHED).
  .extend({ samples: SamplesHandedOver.optional() })
  .refine(endsAfterStart, endsAfterStartIssue);
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

/**
 * A Teams meeting asked for on a MEETING: Graph's isOnlineMeeting with onlineMeetingProvider
 * "teamsForBusiness"; Outlook answers with the join link (onlineMeeting.joinUrl).
 */
export const OnlineMeeting = z.object({
  requested: z.boolean(),
  /** The link attendees join with, once Outlook made the meeting (https only). */
  joinUrl: z.string().nullable(),
  /**
   * Asked for, and Outlook saved the event without one: the calendar offers no Teams meetings
   * (its allowedOnlineMeetingProviders lacks teamsForBusiness, e.g. a mailbox without Teams).
   */
  unavailable: z.boolean(),
});
export type OnlineMeeting = z.infer<typeof OnlineMeeting>;

/** What an activity and a series (of its first occurrence) both answer with: what, where and when. */
export const ActivityWhatAndWhen = {
  subject: z.string(),
  notes: z.string().nullable(),
  location: z.string().nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  timeZone: z.string(),
  allDay: z.boolean(),
};

export const Activity = z.object({
  id: Id,
  type: ActivityType,
  templateId: Id.nullable(),
  ...ActivityWhatAndWhen,
  status: ActivityStatus,
  reminderMinutesBefore: z.number().int().nullable(),
  owner: UserRef,
  customerId: Id.nullable(),
  contactId: Id.nullable(),
  finishedAt: IsoDateTime.nullable(),
  /** How a finished activity went, in the user's words; null unless finished with one. */
  outcome: z.string().nullable(),
  /** Still planned though its end has passed (an all-day activity: its last day is over), as of the answer. */
  overdue: z.boolean(),
  /** How a finished call went, when it was recorded as a (cold) call with an outcome. */
  callOutcome: CallOutcome.nullable(),
  onlineMeeting: OnlineMeeting,
  /** An occurrence of a recurring series: the series, where its rule puts it, and whether it was changed on its own. */
  series: z.object({ id: Id, occurrenceStart: IsoDateTime, exception: z.boolean() }).nullable(),
  sync: ActivitySync,
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityListQuery = Paging.extend({
  customerId: Id.optional(),
  contactId: Id.optional(),
  when: z.enum(["future", "history", "all"]).default("all"),
  showFinished: z.enum(["true", "false"]).default("true"),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export const ActivityPage = pageOf(Activity);

export const ReminderQuery = z.object({ until: IsoDate.optional(), timeZone: TimeZone.optional() });
export type ReminderQuery = z.infer<typeof ReminderQuery>;
export const ReminderList = z.object({ until: IsoDate, items: z.array(Activity) });
export type ReminderList = z.infer<typeof ReminderList>;

// No defaults here: zod applies defaults inside .partial(), and an update must not reset what it omits.
const TemplateFields = z.object({
  name: Text(100),
  type: ActivityType,
  subject: Text(255),
  notes: OptionalText(20000),
  durationMinutes: z.number().int().min(0).max(10080),
  reminderMinutesBefore: ReminderMinutes.nullable().optional(),
});
export const TemplateCreate = TemplateFields.extend({
  durationMinutes: TemplateFields.shape.durationMinutes.default(30),
});
export type TemplateCreate = z.infer<typeof TemplateCreate>;
/** Only the fields given change. */
export const TemplateUpdate = TemplateFields.partial();
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;
export const Template = z.object({
  id: Id,
  name: z.string(),
  type: ActivityType,
  subject: z.string(),
  notes: z.string().nullable(),
  durationMinutes: z.number().int(),
  reminderMinutesBefore: z.number().int().nullable(),
});
export type Template = z.infer<typeof Template>;
export const TemplateList = z.object({ items: z.array(Template) });
