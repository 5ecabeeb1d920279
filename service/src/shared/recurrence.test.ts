import { occurrencesBetween } from "./recurrence";

const berlin = (iso: string) => new Date(iso);

describe("recurrence expansion", () => {
  it("puts 'every first Monday' at 09:00 Berlin time across the daylight-saving change", () => {
    const series = {
      firstStartsAt: berlin("2027-02-01T08:00:00Z"), // Monday 1 February 2027, 09:00 CET
      firstEndsAt: berlin("2027-02-01T09:00:00Z"),
      timeZone: "Europe/Berlin",
      allDay: false,
      pattern: {
        type: "relativeMonthly" as const,
        interval: 1,
        daysOfWeek: ["monday" as const],
        index: "first" as const,
      },
      range: { type: "numbered" as const, numberOfOccurrences: 4 },
    };
    expect(
      occurrencesBetween(series, "2027-01-01", "2027-12-31").map((o) => [o.day, o.startsAt.toISOString()]),
    ).toEqual([
      ["2027-02-01", "2027-02-01T08:00:00.000Z"],
      ["2027-03-01", "2027-03-01T08:00:00.000Z"],
      ["2027-04-05", "2027-04-05T07:00:00.000Z"], // CEST: still 09:00 on the wall
      ["2027-05-03", "2027-05-03T07:00:00.000Z"],
    ]);
  });

  it("expands a fortnightly Monday and Wednesday call up to its end date, duration kept", () => {
    const series = {
      firstStartsAt: berlin("2026-12-07T13:00:00Z"),
      firstEndsAt: berlin("2026-12-07T13:30:00Z"),
      timeZone: "Europe/Berlin",
      allDay: false,
      pattern: {
        type: "weekly" as const,
        interval: 2,
        daysOfWeek: ["monday" as const, "wednesday" as const],
        firstDayOfWeek: "monday" as const,
      },
      range: { type: "endDate" as const, endDate: "2027-01-06" },
    };
    const occurrences = occurrencesBetween(series, "2026-12-01", "2027-02-01");
    expect(occurrences.map((o) => o.day)).toEqual([
      "2026-12-07",
      "2026-12-09",
      "2026-12-21",
      "2026-12-23",
      "2027-01-04",
      "2027-01-06",
    ]);
    expect(occurrences.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 30 * 60_000)).toBe(true);
  });

  it("stops a series without end at the window and at the limit", () => {
    const series = {
      firstStartsAt: berlin("2026-12-01T08:00:00Z"),
      firstEndsAt: berlin("2026-12-01T08:15:00Z"),
      timeZone: "Europe/Berlin",
      allDay: false,
      pattern: { type: "daily" as const, interval: 1 },
      range: { type: "noEnd" as const },
    };
    expect(occurrencesBetween(series, "2026-12-10", "2026-12-12").map((o) => o.day)).toEqual([
      "2026-12-10",
      "2026-12-11",
      "2026-12-12",
    ]);
    expect(occurrencesBetween(series, "2026-12-01", "2036-12-01", 500)).toHaveLength(500);
  });

  it("keeps the day of the month on absolute monthly patterns, skipping months without it", () => {
    const series = {
      firstStartsAt: berlin("2027-01-31T09:00:00Z"),
      firstEndsAt: berlin("2027-01-31T10:00:00Z"),
      timeZone: "Europe/Berlin",
      allDay: false,
      pattern: { type: "absoluteMonthly" as const, interval: 1, dayOfMonth: 31 },
      range: { type: "numbered" as const, numberOfOccurrences: 3 },
    };
    expect(occurrencesBetween(series, "2027-01-01", "2027-12-31").map((o) => o.day)).toEqual([
      "2027-01-31",
      "2027-03-31",
      "2027-05-31",
    ]);
  });
});
