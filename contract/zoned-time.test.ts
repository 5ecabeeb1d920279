import { dayInZone, nextDay, startOfDayInZone } from "./zoned-time";

describe("days in a time zone", () => {
  it("starts a Berlin day at 23:00 UTC in winter and 22:00 UTC in summer", () => {
    expect(startOfDayInZone("2027-01-15", "Europe/Berlin").toISOString()).toBe("2027-01-14T23:00:00.000Z");
    expect(startOfDayInZone("2027-07-15", "Europe/Berlin").toISOString()).toBe("2027-07-14T22:00:00.000Z");
  });

  it("handles the days daylight saving time starts and ends", () => {
    // 28 March 2027: clocks go forward at 02:00 in Berlin; the day still starts at midnight (+01:00).
    expect(startOfDayInZone("2027-03-28", "Europe/Berlin").toISOString()).toBe("2027-03-27T23:00:00.000Z");
    expect(startOfDayInZone("2027-03-29", "Europe/Berlin").toISOString()).toBe("2027-03-28T22:00:00.000Z");
    expect(startOfDayInZone("2027-11-07", "America/New_York").toISOString()).toBe("2027-11-07T04:00:00.000Z");
  });

  it("tells which day an instant falls on", () => {
    expect(dayInZone(new Date("2027-03-14T23:30:00Z"), "Europe/Berlin")).toBe("2027-03-15");
    expect(dayInZone(new Date("2027-03-14T23:30:00Z"), "America/Los_Angeles")).toBe("2027-03-14");
    expect(nextDay("2027-12-31")).toBe("2028-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});
