// The subset of Microsoft Graph's event resource this project reads and writes.

export interface GraphDateTime {
  /** Wall-clock time without offset, e.g. 2026-03-30T09:00:00.0000000 */
  dateTime: string;
  /** An IANA zone ("Europe/Berlin") or "UTC"; Graph answers in UTC when asked with Prefer: outlook.timezone. */
  timeZone: string;
}

export interface GraphAttendee {
  emailAddress: { address: string; name?: string };
  type: "required" | "optional" | "resource";
}

export interface GraphExtendedProperty {
  id: string;
  value: string;
}

/** patternedRecurrence (learn.microsoft.com/graph/api/resources/patternedrecurrence). */
export interface GraphRecurrence {
  pattern: {
    type: "daily" | "weekly" | "absoluteMonthly" | "relativeMonthly" | "absoluteYearly" | "relativeYearly";
    interval: number;
    daysOfWeek?: string[];
    dayOfMonth?: number;
    month?: number;
    index?: "first" | "second" | "third" | "fourth" | "last";
    firstDayOfWeek?: string;
  };
  range: {
    type: "endDate" | "numbered" | "noEnd";
    startDate: string;
    endDate?: string;
    numberOfOccurrences?: number;
    recurrenceTimeZone?: string;
  };
}

/** What the CRM sends when it creates or changes an event. */
export interface GraphEventWrite {
  subject: string;
  body: { contentType: "text" | "html"; content: string };
  location: { displayName: string };
  start: GraphDateTime;
  end: GraphDateTime;
  isAllDay: boolean;
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  attendees: GraphAttendee[];
  showAs: "busy" | "free" | "tentative" | "oof" | "workingElsewhere";
  transactionId?: string;
  singleValueExtendedProperties?: GraphExtendedProperty[];
  recurrence?: GraphRecurrence | null;
  /** With onlineMeetingProvider, asks Outlook for an online meeting; Graph ignores a later false. */
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: "teamsForBusiness" | "skypeForBusiness" | "skypeForConsumer" | "unknown";
}

/** An event as Graph returns it. */
export interface GraphEvent extends Partial<GraphEventWrite> {
  id: string;
  changeKey: string;
  lastModifiedDateTime: string;
  start: GraphDateTime;
  end: GraphDateTime;
  isAllDay: boolean;
  subject: string;
  isCancelled?: boolean;
  type?: "singleInstance" | "occurrence" | "exception" | "seriesMaster";
  seriesMasterId?: string | null;
  /** The zone the event was made in (a Windows name, or tzone://Microsoft/Custom for a legacy custom one). */
  originalStartTimeZone?: string;
  /** An occurrence's or exception's start as the series' pattern put it (UTC, DateTimeOffset). */
  originalStart?: string | null;
  transactionId?: string;
  /** Set by Graph once it made the online meeting (onlineMeetingInfo). */
  onlineMeeting?: { joinUrl?: string | null } | null;
  "@odata.etag"?: string;
}

/** A calendarView/delta item: a changed event, or the id of one that left the view. */
export type GraphDeltaItem = GraphEvent | { id: string; "@removed": { reason: string } };

export const isRemoved = (item: GraphDeltaItem): item is { id: string; "@removed": { reason: string } } =>
  "@removed" in item;
