import { WINDOWS_ZONE_NAMES } from "../../service/src/calendar-sync/graph/graph-time-zones";

// What the fake takes in an `event` body: Microsoft Graph v1.0's event resource, its complex types
// and enums (https://learn.microsoft.com/graph/api/resources/event?view=graph-rest-1.0). Names,
// types, nullability and enum members are checked against Microsoft's published metadata: the v1.0
// CSDL of msgraph-metadata (excerpt in metadata/event.csdl.xml) in test/calendar-sync/graph-fake-csdl.test.ts,
// so the fake cannot take what Graph would refuse.

export type FieldType =
  | "string"
  | "boolean"
  | "int32"
  | "double"
  /** Edm.Date: YYYY-MM-DD */
  | "date"
  /** Edm.DateTimeOffset */
  | "dateTimeOffset"
  | { enum: keyof typeof GRAPH_ENUMS }
  | { complex: ComplexTypeName }
  | { collection: FieldType };

export type ComplexTypeName =
  | "dateTimeTimeZone"
  | "itemBody"
  | "emailAddress"
  | "recipient"
  | "responseStatus"
  | "timeSlot"
  | "attendee"
  | "physicalAddress"
  | "outlookGeoCoordinates"
  | "location"
  | "recurrencePattern"
  | "recurrenceRange"
  | "patternedRecurrence"
  | "phone"
  | "onlineMeetingInfo"
  | "singleValueLegacyExtendedProperty";

export const GRAPH_ENUMS = {
  attendeeType: ["required", "optional", "resource"],
  bodyType: ["text", "html"],
  dayOfWeek: ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
  eventType: ["singleInstance", "occurrence", "exception", "seriesMaster"],
  freeBusyStatus: ["unknown", "free", "tentative", "busy", "oof", "workingElsewhere"],
  importance: ["low", "normal", "high"],
  locationType: [
    "default",
    "conferenceRoom",
    "homeAddress",
    "businessAddress",
    "geoCoordinates",
    "streetAddress",
    "hotel",
    "restaurant",
    "localBusiness",
    "postalAddress",
  ],
  locationUniqueIdType: ["unknown", "locationStore", "directory", "private", "bing"],
  onlineMeetingProviderType: ["unknown", "skypeForBusiness", "skypeForConsumer", "teamsForBusiness"],
  phoneType: [
    "home",
    "business",
    "mobile",
    "other",
    "assistant",
    "homeFax",
    "businessFax",
    "otherFax",
    "pager",
    "radio",
  ],
  recurrencePatternType: ["daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"],
  recurrenceRangeType: ["endDate", "noEnd", "numbered"],
  responseType: ["none", "organizer", "tentativelyAccepted", "accepted", "declined", "notResponded"],
  sensitivity: ["normal", "personal", "private", "confidential"],
  weekIndex: ["first", "second", "third", "fourth", "last"],
} as const satisfies Record<string, readonly string[]>;

const list = (of: FieldType): FieldType => ({ collection: of });

export const GRAPH_COMPLEX_TYPES = {
  dateTimeTimeZone: { dateTime: "string", timeZone: "string" },
  itemBody: { content: "string", contentType: { enum: "bodyType" } },
  emailAddress: { address: "string", name: "string" },
  recipient: { emailAddress: { complex: "emailAddress" } },
  responseStatus: { response: { enum: "responseType" }, time: "dateTimeOffset" },
  timeSlot: { start: { complex: "dateTimeTimeZone" }, end: { complex: "dateTimeTimeZone" } },
  attendee: {
    emailAddress: { complex: "emailAddress" },
    type: { enum: "attendeeType" },
    status: { complex: "responseStatus" },
    proposedNewTime: { complex: "timeSlot" },
  },
  physicalAddress: {
    city: "string",
    countryOrRegion: "string",
    postalCode: "string",
    state: "string",
    street: "string",
  },
  outlookGeoCoordinates: {
    accuracy: "double",
    altitude: "double",
    altitudeAccuracy: "double",
    latitude: "double",
    longitude: "double",
  },
  location: {
    address: { complex: "physicalAddress" },
    coordinates: { complex: "outlookGeoCoordinates" },
    displayName: "string",
    locationEmailAddress: "string",
    locationType: { enum: "locationType" },
    locationUri: "string",
    uniqueId: "string",
    uniqueIdType: { enum: "locationUniqueIdType" },
  },
  recurrencePattern: {
    dayOfMonth: "int32",
    daysOfWeek: list({ enum: "dayOfWeek" }),
    firstDayOfWeek: { enum: "dayOfWeek" },
    index: { enum: "weekIndex" },
    interval: "int32",
    month: "int32",
    type: { enum: "recurrencePatternType" },
  },
  recurrenceRange: {
    endDate: "date",
    numberOfOccurrences: "int32",
    recurrenceTimeZone: "string",
    startDate: "date",
    type: { enum: "recurrenceRangeType" },
  },
  patternedRecurrence: { pattern: { complex: "recurrencePattern" }, range: { complex: "recurrenceRange" } },
  phone: { language: "string", number: "string", region: "string", type: { enum: "phoneType" } },
  onlineMeetingInfo: {
    conferenceId: "string",
    joinUrl: "string",
    phones: list({ complex: "phone" }),
    quickDial: "string",
    tollFreeNumbers: list("string"),
    tollNumber: "string",
  },
  // An entity in the metadata, written inline on create (Outlook extended properties).
  singleValueLegacyExtendedProperty: { id: "string", value: "string" },
} as const satisfies Record<ComplexTypeName, Record<string, FieldType>>;

/**
 * Properties the metadata declares Nullable="false": Graph's OData reader refuses a null for them.
 * Every other property above and below is nullable.
 */
export const GRAPH_NOT_NULL: Partial<Record<ComplexTypeName | "event", readonly string[]>> = {
  dateTimeTimeZone: ["dateTime"],
  recurrencePattern: ["dayOfMonth", "interval", "month"],
  recurrenceRange: ["numberOfOccurrences"],
  timeSlot: ["end", "start"],
  // entity's key, inherited.
  singleValueLegacyExtendedProperty: ["id"],
};

/** event's properties a create or PATCH may carry (outlookItem's categories included). */
export const EVENT_WRITABLE = {
  allowNewTimeProposals: "boolean",
  attendees: list({ complex: "attendee" }),
  body: { complex: "itemBody" },
  categories: list("string"),
  end: { complex: "dateTimeTimeZone" },
  hideAttendees: "boolean",
  importance: { enum: "importance" },
  isAllDay: "boolean",
  isOnlineMeeting: "boolean",
  isReminderOn: "boolean",
  location: { complex: "location" },
  locations: list({ complex: "location" }),
  onlineMeetingProvider: { enum: "onlineMeetingProviderType" },
  recurrence: { complex: "patternedRecurrence" },
  reminderMinutesBeforeStart: "int32",
  responseRequested: "boolean",
  sensitivity: { enum: "sensitivity" },
  showAs: { enum: "freeBusyStatus" },
  start: { complex: "dateTimeTimeZone" },
  subject: "string",
  transactionId: "string",
  // A navigation property, written inline on create (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties).
  singleValueExtendedProperties: list({ complex: "singleValueLegacyExtendedProperty" }),
} as const satisfies Record<string, FieldType>;

/** event's read-only properties: Graph sets them; a body that carries them has them ignored. */
export const EVENT_READ_ONLY = {
  id: "string",
  changeKey: "string",
  createdDateTime: "dateTimeOffset",
  lastModifiedDateTime: "dateTimeOffset",
  bodyPreview: "string",
  cancelledOccurrences: list("string"),
  hasAttachments: "boolean",
  iCalUId: "string",
  isCancelled: "boolean",
  isDraft: "boolean",
  isOrganizer: "boolean",
  onlineMeeting: { complex: "onlineMeetingInfo" },
  onlineMeetingUrl: "string",
  organizer: { complex: "recipient" },
  originalEndTimeZone: "string",
  originalStart: "dateTimeOffset",
  originalStartTimeZone: "string",
  responseStatus: { complex: "responseStatus" },
  seriesMasterId: "string",
  type: { enum: "eventType" },
  webLink: "string",
} as const satisfies Record<string, FieldType>;

/**
 * IANA names Graph's calendar API takes besides Windows' own zones, as listed under "Additional
 * time zones" in https://learn.microsoft.com/graph/api/resources/datetimetimezone. Anything else
 * (Europe/Amsterdam, Europe/Vienna, …) is not documented, so the fake refuses it.
 */
export const GRAPH_ADDITIONAL_ZONES = [
  "Etc/GMT+12",
  "Etc/GMT+11",
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Santa_Isabel",
  "America/Los_Angeles",
  "America/Phoenix",
  "America/Chihuahua",
  "America/Denver",
  "America/Guatemala",
  "America/Chicago",
  "America/Mexico_City",
  "America/Regina",
  "America/Bogota",
  "America/New_York",
  "America/Indiana/Indianapolis",
  "America/Caracas",
  "America/Asuncion",
  "America/Halifax",
  "America/Cuiaba",
  "America/La_Paz",
  "America/Santiago",
  "America/St_Johns",
  "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires",
  "America/Cayenne",
  "America/Godthab",
  "America/Montevideo",
  "America/Bahia",
  "Etc/GMT+2",
  "Atlantic/Azores",
  "Atlantic/Cape_Verde",
  "Africa/Casablanca",
  "Etc/GMT",
  "Europe/London",
  "Atlantic/Reykjavik",
  "Europe/Berlin",
  "Europe/Budapest",
  "Europe/Paris",
  "Europe/Warsaw",
  "Africa/Lagos",
  "Africa/Windhoek",
  "Europe/Bucharest",
  "Asia/Beirut",
  "Africa/Cairo",
  "Asia/Damascus",
  "Africa/Johannesburg",
  "Europe/Kiev",
  "Europe/Istanbul",
  "Asia/Jerusalem",
  "Asia/Amman",
  "Asia/Baghdad",
  "Europe/Kaliningrad",
  "Asia/Riyadh",
  "Africa/Nairobi",
  "Asia/Tehran",
  "Asia/Dubai",
  "Asia/Baku",
  "Europe/Moscow",
  "Indian/Mauritius",
  "Asia/Tbilisi",
  "Asia/Yerevan",
  "Asia/Kabul",
  "Asia/Karachi",
  "Asia/Tashkent",
  "Asia/Kolkata",
  "Asia/Colombo",
  "Asia/Kathmandu",
  "Asia/Almaty",
  "Asia/Dhaka",
  "Asia/Yekaterinburg",
  "Asia/Yangon",
  "Asia/Bangkok",
  "Asia/Novosibirsk",
  "Asia/Shanghai",
  "Asia/Krasnoyarsk",
  "Asia/Singapore",
  "Australia/Perth",
  "Asia/Taipei",
  "Asia/Ulaanbaatar",
  "Asia/Irkutsk",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Australia/Adelaide",
  "Australia/Darwin",
  "Australia/Brisbane",
  "Australia/Sydney",
  "Pacific/Port_Moresby",
  "Australia/Hobart",
  "Asia/Yakutsk",
  "Pacific/Guadalcanal",
  "Asia/Vladivostok",
  "Pacific/Auckland",
  "Etc/GMT-12",
  "Pacific/Fiji",
  "Asia/Magadan",
  "Pacific/Tongatapu",
  "Pacific/Apia",
  "Pacific/Kiritimati",
] as const;

/** Every zone name a create or update may carry: Windows' zones (CLDR's list of them), the list above, UTC. */
export const GRAPH_ACCEPTED_ZONES: ReadonlySet<string> = new Set([
  ...WINDOWS_ZONE_NAMES,
  ...GRAPH_ADDITIONAL_ZONES,
  "UTC",
]);
