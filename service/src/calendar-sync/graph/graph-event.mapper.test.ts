import {
  activityIdOfTransaction,
  fromGraphEvent,
  joinUrlOf,
  pushedFieldsAfter,
  pushedFieldsOf,
  toGraphEvent,
  toGraphPatch,
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
  it("sends wall-clock time in the Windows zone of the activity's zone", () => {
    expect(toGraphEvent(activity)).toMatchObject({
      start: { dateTime: "2026-03-30T09:00:00.0000000", timeZone: "W. Europe Standard Time" },
      end: { dateTime: "2026-03-30T09:45:00.0000000", timeZone: "W. Europe Standard Time" },
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

  describe("PATCH with only what the CRM changed", () => {
    const jonas = { email: "Jonas.Keller@fabrikam.com", name: "Jonas Keller" };
    const guest = { emailAddress: { address: "guest@adatum.com" }, type: "optional" as const };
    const withContact = { ...activity, attendee: jonas };
    const sent = pushedFieldsAfter(withContact, null, null, toGraphEvent(withContact));
    sent.outlookAttendees = [...toGraphEvent(withContact).attendees, guest];

    it("sends nothing when nothing Outlook shows changed, and one group when one did", () => {
      expect(toGraphPatch(withContact, sent)).toEqual({});
      expect(toGraphPatch({ ...withContact, subject: "Renamed" }, sent)).toEqual({ subject: "Renamed" });
      expect(
        Object.keys(toGraphPatch({ ...withContact, endsAt: new Date("2026-03-30T08:00:00Z") }, sent)).sort(),
      ).toEqual(["end", "isAllDay", "showAs", "start"]);
      expect(toGraphPatch({ ...withContact, status: "FINISHED" }, sent)).toEqual({
        isReminderOn: false,
        reminderMinutesBeforeStart: 0,
      });
    });

    it("swaps the CRM's contact among Outlook's attendees, and keeps them when it stays", () => {
      const other = { email: "nora@fabrikam.com", name: "Nora Weiss" };
      expect(toGraphPatch({ ...withContact, attendee: other }, sent).attendees).toEqual([
        guest,
        { emailAddress: { address: other.email, name: other.name }, type: "required" },
      ]);
      expect(toGraphPatch({ ...withContact, attendee: null }, sent).attendees).toEqual([guest]);
      expect(
        toGraphPatch({ ...withContact, attendee: { ...jonas, email: "jonas.keller@FABRIKAM.com" } }, sent),
      ).toEqual({});
    });

    it("sends every group but the attendees when what was sent is not known", () => {
      const patch = toGraphPatch(withContact, null);
      expect(patch.attendees).toBeUndefined();
      expect(Object.keys(patch)).toEqual(
        expect.arrayContaining(["subject", "body", "location", "start", "isReminderOn"]),
      );
      expect(pushedFieldsOf({ fields: { subject: 1 } })).toBeNull();
      expect(pushedFieldsOf("nonsense")).toBeNull();
      expect(pushedFieldsOf(JSON.parse(JSON.stringify(sent)))).toEqual(sent);
    });

    it("asks for a Teams meeting once it is turned on, and sends nothing when it is turned off", () => {
      expect(toGraphPatch({ ...withContact, onlineMeeting: true }, sent)).toEqual({
        isOnlineMeeting: true,
        onlineMeetingProvider: "teamsForBusiness",
      });
      const online = { ...withContact, onlineMeeting: true };
      const sentOnline = pushedFieldsAfter(online, null, sent, toGraphEvent(online));
      expect(toGraphPatch(online, sentOnline)).toEqual({});
      expect(toGraphPatch(withContact, sentOnline)).toEqual({});
      // A record kept before online meetings were a group: none was sent then.
      const { online: _, ...older } = sent.fields;
      const kept = pushedFieldsOf({ ...sent, fields: older })!;
      expect(toGraphPatch(withContact, kept)).toEqual({});
      expect(toGraphPatch(online, kept)).toMatchObject({ isOnlineMeeting: true });
    });
  });
});
