import type { GraphEvent } from "./graph-event.types";
import {
  fromSeriesMaster,
  normalisedRecurrence,
  sameRecurrence,
  seriesChangedGroups,
  seriesPushedAfter,
  seriesPushedOf,
  toSeriesPatch,
} from "./series-master.mapper";

const series = {
  id: "6d1f3c9e-1111-4a2b-8c3d-123456789abc",
  subject: "Monthly visit",
  notes: "Agenda",
  location: null,
  firstStartsAt: new Date("2027-02-01T08:00:00Z"),
  firstEndsAt: new Date("2027-02-01T09:00:00Z"),
  timeZone: "Europe/Berlin",
  allDay: false,
  reminderMinutesBefore: 15,
  onlineMeeting: false,
  recurrence: {
    pattern: {
      type: "relativeMonthly" as const,
      interval: 1,
      daysOfWeek: ["monday" as const],
      index: "first" as const,
    },
    range: { type: "noEnd" as const },
  },
  graphGeneration: 0,
  attendee: { email: "jonas.keller@fabrikam.com", name: "Jonas Keller" },
};

describe("series master mapping", () => {
  const sent = seriesPushedAfter(series, null, null, {});

  it("PATCHes nothing for an unchanged series, and each changed group alone", () => {
    expect(toSeriesPatch(series, sent)).toEqual({});
    expect(toSeriesPatch({ ...series, subject: "Visit" }, sent)).toEqual({ subject: "Visit" });
    expect(
      Object.keys(toSeriesPatch({ ...series, firstEndsAt: new Date("2027-02-01T09:30:00Z") }, sent)).sort(),
    ).toEqual(["end", "isAllDay", "showAs", "start"]);
    expect(
      toSeriesPatch(
        { ...series, recurrence: { ...series.recurrence, range: { type: "numbered", numberOfOccurrences: 3 } } },
        sent,
      ),
    ).toEqual({
      recurrence: {
        pattern: series.recurrence.pattern,
        range: {
          type: "numbered",
          startDate: "2027-02-01",
          numberOfOccurrences: 3,
          recurrenceTimeZone: "W. Europe Standard Time",
        },
      },
    });
    expect(seriesChangedGroups({ ...series, subject: "Visit" }, sent)).toEqual(new Set(["subject"]));
  });

  it("sends every group but the attendees without a record, and reads only records it wrote", () => {
    const patch = toSeriesPatch(series, null);
    expect(patch.attendees).toBeUndefined();
    expect(patch).toMatchObject({
      subject: "Monthly visit",
      body: { content: "Agenda" },
      recurrence: { range: { type: "noEnd" } },
    });
    expect(seriesPushedOf(JSON.parse(JSON.stringify(sent)))).toEqual(sent);
    expect(seriesPushedOf({ fields: sent.fields })).toBeNull();
    expect(seriesPushedOf("nonsense")).toBeNull();
  });

  it("reads Graph's pattern with every property spelt out as the CRM's own", () => {
    // Graph answers with unused properties as 0 or defaults (recurrencePattern resource).
    const graph = {
      pattern: {
        type: "relativeMonthly",
        interval: 1,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: ["monday"],
        firstDayOfWeek: "sunday",
        index: "first",
      },
      range: {
        type: "noEnd",
        startDate: "2027-02-01",
        endDate: "0001-01-01",
        numberOfOccurrences: 0,
        recurrenceTimeZone: "W. Europe Standard Time",
      },
    };
    expect(normalisedRecurrence(graph)).toEqual(normalisedRecurrence(series.recurrence));
    expect(sameRecurrence(normalisedRecurrence(graph)!, series.recurrence)).toBe(true);
    expect(normalisedRecurrence({ ...graph, pattern: { ...graph.pattern, daysOfWeek: [] } })).toBeNull();
    const master = {
      id: "m",
      changeKey: "k",
      lastModifiedDateTime: "2027-01-01T00:00:00Z",
      subject: "",
      start: { dateTime: "2027-02-02T09:00:00.0000000", timeZone: "UTC" },
      end: { dateTime: "2027-02-02T10:00:00.0000000", timeZone: "UTC" },
      isAllDay: false,
      location: { displayName: "" },
      recurrence: graph,
    } as unknown as GraphEvent;
    expect(fromSeriesMaster(master, "Europe/Berlin")).toMatchObject({
      subject: "(no subject)",
      location: null,
      firstStartsAt: new Date("2027-02-02T09:00:00Z"),
      cancelled: false,
      recurrence: { range: { type: "noEnd" } },
    });
  });
});
