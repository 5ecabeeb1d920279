import {
  activityIdOfTransaction,
  fromGraphEvent,
  joinUrlOf,
  toGraphEvent,
  transactionIdFor,
} from "./graph-event.mapper";

const activity = {
  id: "6d1f3c9e-1111-4a2b-8c3d-123456789abc",
  subject: "Visit",
  notes: null,
  location: null,
  startsAt: new Date("2026-03-30T07:00:00Z"),
  endsAt: new Date("2026-03-30T07:45:00Z"),
  timeZone: "Europe/Berlin",
  allDay: false,
  status: "PLANNED" as const,
  reminderMinutesBefore: 10,
  graphGeneration: 2,
  attendee: null,
  onlineMeeting: false,
};

describe("graph event mapping", () => {
  it("sends wall-clock time in the activity's zone", () => {
    expect(toGraphEvent(activity)).toMatchObject({
      start: { dateTime: "2026-03-30T09:00:00.0000000", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-03-30T09:45:00.0000000", timeZone: "Europe/Berlin" },
      isReminderOn: true,
      reminderMinutesBeforeStart: 10,
      attendees: [],
    });
  });

  it("turns reminders off for finished activities and for activities without one", () => {
    expect(toGraphEvent({ ...activity, status: "FINISHED" }).isReminderOn).toBe(false);
    expect(toGraphEvent({ ...activity, reminderMinutesBefore: null }).isReminderOn).toBe(false);
  });

  it("asks for a Teams meeting only when the activity does, and never sends isOnlineMeeting false", () => {
    expect(toGraphEvent({ ...activity, onlineMeeting: true })).toMatchObject({
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
    });
    const plain = toGraphEvent(activity);
    expect("isOnlineMeeting" in plain || "onlineMeetingProvider" in plain).toBe(false);
  });

  it("keeps only an https join link", () => {
    const https = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0";
    expect(joinUrlOf({ onlineMeeting: { joinUrl: https } })).toBe(https);
    expect(joinUrlOf({ onlineMeeting: { joinUrl: "javascript:alert(1)" } })).toBeNull();
    expect(joinUrlOf({ onlineMeeting: { joinUrl: "not a url" } })).toBeNull();
    expect(joinUrlOf({ onlineMeeting: { joinUrl: `https://teams.microsoft.com/${"a".repeat(3000)}` } })).toBeNull();
    expect(joinUrlOf({ onlineMeeting: null })).toBeNull();
  });

  it("round-trips the activity id through the transactionId", () => {
    expect(activityIdOfTransaction(transactionIdFor(activity.id, 2))).toBe(activity.id);
    expect(activityIdOfTransaction("outlook-made-this")).toBeNull();
  });

  it("reads UTC and Windows zone names, and all-day days in the activity's zone", () => {
    const base = { id: "e", changeKey: "c", lastModifiedDateTime: "2026-01-01T00:00:00Z", subject: "S" };
    expect(
      fromGraphEvent(
        {
          ...base,
          isAllDay: false,
          start: { dateTime: "2026-01-15T09:00:00.0000000", timeZone: "W. Europe Standard Time" },
          end: { dateTime: "2026-01-15T10:00:00.0000000", timeZone: "W. Europe Standard Time" },
        },
        "UTC",
      ).startsAt.toISOString(),
    ).toBe("2026-01-15T08:00:00.000Z");
    const allDay = fromGraphEvent(
      {
        ...base,
        isAllDay: true,
        start: { dateTime: "2026-07-01T00:00:00.0000000", timeZone: "UTC" },
        end: { dateTime: "2026-07-02T00:00:00.0000000", timeZone: "UTC" },
      },
      "America/Los_Angeles",
    );
    expect([allDay.startsAt.toISOString(), allDay.endsAt.toISOString()]).toEqual([
      "2026-07-01T07:00:00.000Z",
      "2026-07-02T07:00:00.000Z",
    ]);
  });
});
