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
        start: { dateTime: wallTime(activity.startsAt, activity.timeZone), timeZone: activity.timeZone },
        end: { dateTime: wallTime(activity.endsAt, activity.timeZone), timeZone: activity.timeZone },
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
