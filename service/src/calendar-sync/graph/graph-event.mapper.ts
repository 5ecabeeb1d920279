import type { GraphAttendee, GraphEvent, GraphEventWrite } from "./graph-event.types";
import { allDayInstants, allDayRange, graphDateTime, instantOf } from "./graph-time";

/** Tags our events with the activity id, so they are recognised even without a stored event id. */
export const ACTIVITY_ID_PROPERTY = "String {6c2b1f0e-4a7d-4e55-9a36-2f1d3c8b7e41} Name crmActivityId";

/** What an activity needs to become an Outlook event. */
export interface PushableActivity {
  id: string;
  subject: string;
  notes: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
  status: "PLANNED" | "FINISHED" | "CANCELLED";
  reminderMinutesBefore: number | null;
  graphGeneration: number;
  /** A Teams meeting is asked for. */
  onlineMeeting: boolean;
  /** The activity's contact, invited as attendee. */
  attendee: { email: string; name: string } | null;
}

/**
 * Graph remembers a transactionId and answers a repeated create with the event it already made.
 * The generation changes once an event is gone, so a re-planned activity gets a new event.
 */
export const transactionIdFor = (activityId: string, generation: number) => `crm-${activityId}-${generation}`;

export function activityIdOfTransaction(transactionId: string | null | undefined): string | null {
  const match = /^crm-([0-9a-f-]{36})-\d+$/.exec(transactionId ?? "");
  return match ? match[1]! : null;
}

/** The event fields an activity decides; the same body serves create and PATCH. */
export function toGraphEvent(activity: PushableActivity): GraphEventWrite {
  const times = activity.allDay
    ? allDayRange(activity.startsAt, activity.endsAt, activity.timeZone)
    : {
        start: graphDateTime(activity.startsAt, activity.timeZone),
        end: graphDateTime(activity.endsAt, activity.timeZone),
      };
  // Reminders are for planned activities not done yet; a finished one stays in the calendar, silent.
  const reminderOn = activity.status === "PLANNED" && activity.reminderMinutesBefore !== null;
  return {
    subject: activity.subject,
    body: { contentType: "text", content: activity.notes ?? "" },
    location: { displayName: activity.location ?? "" },
    ...times,
    isAllDay: activity.allDay,
    isReminderOn: reminderOn,
    reminderMinutesBeforeStart: reminderOn ? activity.reminderMinutesBefore! : 0,
    attendees: activity.attendee
      ? [{ emailAddress: { address: activity.attendee.email, name: activity.attendee.name }, type: "required" }]
      : [],
    showAs: activity.allDay ? "free" : "busy",
    // "Create or set an event as an online meeting in an Outlook calendar" (learn.microsoft.com/graph/
    // outlook-calendar-online-meetings): isOnlineMeeting with the provider; once made, Outlook keeps it
    // online whatever isOnlineMeeting says later, so nothing is sent for activities that do not ask.
    ...(activity.onlineMeeting && { isOnlineMeeting: true, onlineMeetingProvider: "teamsForBusiness" as const }),
  };
}

/**
 * The join link of an event's online meeting, if it is one the pane may show as a link: https only
 * (never javascript: or data:), and of a sane length.
 */
export function joinUrlOf(event: Pick<GraphEvent, "onlineMeeting"> | null | undefined): string | null {
  const url = event?.onlineMeeting?.joinUrl;
  if (typeof url !== "string" || url.length > 2048) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

export function toGraphEventCreate(activity: PushableActivity): GraphEventWrite {
  return {
    ...toGraphEvent(activity),
    transactionId: transactionIdFor(activity.id, activity.graphGeneration),
    singleValueExtendedProperties: [{ id: ACTIVITY_ID_PROPERTY, value: activity.id }],
  };
}

/** What an Outlook event says about its activity's time, title and place. */
export interface ActivityFromEvent {
  subject: string;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  cancelled: boolean;
  onlineMeeting: boolean;
  onlineMeetingJoinUrl: string | null;
}

/** timeZone: the activity's zone (or the user's for a new one); all-day events keep their day in it. */
export function fromGraphEvent(event: GraphEvent, timeZone: string): ActivityFromEvent {
  const times = event.isAllDay
    ? allDayInstants(event.start, event.end, timeZone)
    : { startsAt: instantOf(event.start), endsAt: instantOf(event.end) };
  return {
    subject: event.subject || "(no subject)",
    location: event.location?.displayName || null,
    ...times,
    allDay: event.isAllDay,
    cancelled: event.isCancelled === true,
    onlineMeeting: event.isOnlineMeeting === true,
    onlineMeetingJoinUrl: joinUrlOf(event),
  };
}

/**
 * The event fields the CRM decides, in groups that go to Outlook together. A PATCH carries a group
 * only when the CRM's value changed since it last sent it: Outlook-side edits of the others stay.
 */
export const FIELD_GROUPS = ["subject", "body", "location", "times", "reminder", "online"] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** What the CRM last sent Outlook (stored with the link), and the attendees Outlook last showed. */
export interface PushedFields {
  /** Per group, the CRM's value as it was sent (a fingerprint to compare, never sent itself). */
  fields: Record<FieldGroup, string>;
  /** The address of the contact the CRM invited, lower case, or null. */
  attendee: string | null;
  /** The event's attendees as Outlook last answered with them (people invited in Outlook included). */
  outlookAttendees: GraphAttendee[] | null;
}

type FingerprintSource = Pick<
  PushableActivity,
  | "subject"
  | "notes"
  | "location"
  | "startsAt"
  | "endsAt"
  | "timeZone"
  | "allDay"
  | "status"
  | "reminderMinutesBefore"
  | "onlineMeeting"
>;

/** Each group's fingerprint for an activity as it is now. */
export function fingerprints(activity: FingerprintSource): Record<FieldGroup, string> {
  return {
    subject: JSON.stringify(activity.subject),
    body: JSON.stringify(activity.notes ?? ""),
    location: JSON.stringify(activity.location ?? ""),
    times: JSON.stringify([
      activity.startsAt.toISOString(),
      activity.endsAt.toISOString(),
      activity.allDay,
      activity.timeZone,
    ]),
    reminder: JSON.stringify([activity.status === "PLANNED", activity.reminderMinutesBefore]),
    online: JSON.stringify(activity.onlineMeeting),
  };
}

/** The groups whose CRM value differs from what was last sent (every group when nothing is known). */
export function changedGroups(activity: FingerprintSource, previous: PushedFields | null): Set<FieldGroup> {
  const now = fingerprints(activity);
  return new Set(FIELD_GROUPS.filter((group) => !previous || previous.fields[group] !== now[group]));
}

const sameAddress = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toLowerCase() === b.toLowerCase();

/**
 * The PATCH for an activity: only the groups the CRM changed, and the attendees only when the
 * CRM's contact changed, as Outlook's list with the previous contact taken out and the new one put
 * in (anyone invited in Outlook stays). Without a record of what was sent (events synced before it
 * was kept), every group goes but the attendees.
 */
export function toGraphPatch(activity: PushableActivity, previous: PushedFields | null): Partial<GraphEventWrite> {
  const full = toGraphEvent(activity);
  const changed = changedGroups(activity, previous);
  const patch: Partial<GraphEventWrite> = {};
  if (changed.has("subject")) patch.subject = full.subject;
  if (changed.has("body")) patch.body = full.body;
  if (changed.has("location")) patch.location = full.location;
  if (changed.has("times"))
    Object.assign(patch, { start: full.start, end: full.end, isAllDay: full.isAllDay, showAs: full.showAs });
  if (changed.has("reminder"))
    Object.assign(patch, {
      isReminderOn: full.isReminderOn,
      reminderMinutesBeforeStart: full.reminderMinutesBeforeStart,
    });
  // Asked for once; Graph keeps a meeting online whatever comes later, so turning it off sends nothing.
  if (changed.has("online") && full.isOnlineMeeting)
    Object.assign(patch, { isOnlineMeeting: true, onlineMeetingProvider: full.onlineMeetingProvider });
  const contact = activity.attendee?.email.toLowerCase() ?? null;
  if (previous && previous.attendee !== contact) {
    const outlook = previous.outlookAttendees ?? [];
    // As Outlook gave them (answers included): Graph replaces the whole collection on PATCH.
    const kept = outlook.filter((attendee) => !sameAddress(attendee.emailAddress?.address, previous.attendee));
    const present = kept.some((attendee) => sameAddress(attendee.emailAddress.address, contact));
    patch.attendees = present || !activity.attendee ? kept : [...kept, ...full.attendees];
  }
  return patch;
}

/** What was sent, once Graph answered: kept with the link for the next PATCH. */
export function pushedFieldsAfter(
  activity: PushableActivity,
  answered: GraphEvent | null,
  previous: PushedFields | null,
  sent: Partial<GraphEventWrite>,
): PushedFields {
  return {
    fields: fingerprints(activity),
    attendee: activity.attendee?.email.toLowerCase() ?? null,
    outlookAttendees: answered?.attendees ?? sent.attendees ?? previous?.outlookAttendees ?? null,
  };
}

/** A stored record of what was sent, if it is one (null for anything else). */
export function pushedFieldsOf(value: unknown): PushedFields | null {
  const candidate = value as PushedFields | null;
  if (!candidate || typeof candidate !== "object" || typeof candidate.fields !== "object" || !candidate.fields)
    return null;
  // Records kept before online meetings were a group sent none.
  const fields = { online: JSON.stringify(false), ...(candidate.fields as Partial<Record<FieldGroup, unknown>>) };
  if (!FIELD_GROUPS.every((group) => typeof fields[group] === "string")) return null;
  return {
    fields: fields as Record<FieldGroup, string>,
    attendee: typeof candidate.attendee === "string" ? candidate.attendee : null,
    outlookAttendees: Array.isArray(candidate.outlookAttendees) ? candidate.outlookAttendees : null,
  };
}
