import { CALL_OUTCOME_LABELS, type CallOutcome } from "contract";
import type { GraphEvent, GraphEventWrite } from "./graph-event.types";
import { allDayInstants, allDayRange, instantOf, wallTime } from "./graph-time";

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
  /** How a finished activity went (written into the event's body with the notes). */
  outcome: string | null;
  callOutcome: CallOutcome | null;
  graphGeneration: number;
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

/**
 * The event's body: a finished activity's outcome (and a call's outcome) first, then the notes, so
 * whoever opens the event in Outlook reads how it went.
 */
export function eventBodyText(
  activity: Pick<PushableActivity, "status" | "notes" | "outcome" | "callOutcome">,
): string {
  const done =
    activity.status === "FINISHED" && (activity.outcome || activity.callOutcome)
      ? [
          activity.callOutcome ? `Outcome: ${CALL_OUTCOME_LABELS[activity.callOutcome]}` : "Outcome:",
          ...(activity.outcome ? [activity.outcome] : []),
        ].join("\n")
      : null;
  return [done, activity.notes].filter(Boolean).join("\n\n");
}

/** The event fields an activity decides; the same body serves create and PATCH. */
export function toGraphEvent(activity: PushableActivity): GraphEventWrite {
  const times = activity.allDay
    ? allDayRange(activity.startsAt, activity.endsAt, activity.timeZone)
    : {
        start: { dateTime: wallTime(activity.startsAt, activity.timeZone), timeZone: activity.timeZone },
        end: { dateTime: wallTime(activity.endsAt, activity.timeZone), timeZone: activity.timeZone },
      };
  // Reminders are for planned activities not done yet; a finished one stays in the calendar, silent.
  const reminderOn = activity.status === "PLANNED" && activity.reminderMinutesBefore !== null;
  return {
    subject: activity.subject,
    body: { contentType: "text", content: eventBodyText(activity) },
    location: { displayName: activity.location ?? "" },
    ...times,
    isAllDay: activity.allDay,
    isReminderOn: reminderOn,
    reminderMinutesBeforeStart: reminderOn ? activity.reminderMinutesBefore! : 0,
    attendees: activity.attendee
      ? [{ emailAddress: { address: activity.attendee.email, name: activity.attendee.name }, type: "required" }]
      : [],
    showAs: activity.allDay ? "free" : "busy",
  };
}

/**
 * The parts of an event a change of the activity can touch, each with the Graph properties it
 * writes. A PATCH carries only the parts that changed: finishing a call rewrites the body and the
 * reminder, not the time or the attendees (an attendee list in a PATCH is an update to them).
 */
export const EVENT_PARTS = {
  subject: ["subject"],
  body: ["body"],
  location: ["location"],
  times: ["start", "end", "isAllDay", "showAs"],
  reminder: ["isReminderOn", "reminderMinutesBeforeStart"],
  attendees: ["attendees"],
} as const satisfies Record<string, readonly (keyof GraphEventWrite)[]>;
export type EventPart = keyof typeof EVENT_PARTS;
/** Every part: the whole event (a new entry, a resend, a conflict the CRM won). */
export const WHOLE_EVENT = "*";

/** What of an activity its event shows (the contact stands for the attendee). */
export type EventSource = Omit<PushableActivity, "id" | "graphGeneration" | "attendee"> & { contactId: string | null };

/** The parts of the event that differ between two states of its activity. */
export function changedEventParts(before: EventSource, after: EventSource): EventPart[] {
  const attendee = (source: EventSource) => (source.contactId ? { email: source.contactId, name: "" } : null);
  const event = (source: EventSource) =>
    toGraphEvent({ ...source, id: "", graphGeneration: 0, attendee: attendee(source) }) as unknown as Record<
      string,
      unknown
    >;
  const [was, now] = [event(before), event(after)];
  return (Object.keys(EVENT_PARTS) as EventPart[]).filter((part) =>
    EVENT_PARTS[part].some((property) => JSON.stringify(was[property]) !== JSON.stringify(now[property])),
  );
}

/** The PATCH for some parts of the event; the whole event when parts hold WHOLE_EVENT. */
export function toGraphEventPatch(activity: PushableActivity, parts: readonly string[]): Partial<GraphEventWrite> {
  const whole = toGraphEvent(activity);
  if (parts.includes(WHOLE_EVENT)) return whole;
  const known = (Object.keys(EVENT_PARTS) as EventPart[]).filter((part) => parts.includes(part));
  // Nothing known to write (an entry from a later version of this list): the whole event, to be sure.
  if (known.length === 0) return whole;
  return Object.fromEntries(
    known.flatMap((part) => EVENT_PARTS[part].map((property) => [property, whole[property]])),
  ) as Partial<GraphEventWrite>;
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
  };
}
