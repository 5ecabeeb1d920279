import { GRAPH_ACCEPTED_ZONES } from "../../demo/graph-fake/graph-event.schema";
import { graphDateTime, instantOf } from "../../service/src/calendar-sync/graph/graph-time";
import { ianaZoneOf, windowsZoneOf } from "../../service/src/calendar-sync/graph/graph-time-zones";

// Every zone this runtime knows (the ones the contract lets an activity or a user have) must reach
// Graph under a name Graph documents, at the same instant: the hours around each of the zone's
// offset changes in 2026 and 2027 (daylight saving both ways, the repeated hour included), and
// plain days in between.

const zones = Intl.supportedValuesOf("timeZone");
const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetAt = (instant: number, zone: string) => {
  let format = formatters.get(zone);
  if (!format)
    formatters.set(zone, (format = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })));
  return format.formatToParts(new Date(instant)).find((part) => part.type === "timeZoneName")!.value;
};

/** Instants on both sides of each offset change of a zone in 2026 and 2027, and one a week at 09:00 UTC. */
function instantsOf(zone: string): number[] {
  const DAY = 24 * HOUR;
  const instants: number[] = [];
  for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += DAY) {
    if ((day / DAY) % 7 === 0) instants.push(day + 9 * HOUR);
    if (offsetAt(day, zone) === offsetAt(day + DAY, zone)) continue;
    // The change is within this day: find its hour, then take every quarter hour 2.5 h either side.
    let at = day;
    while (offsetAt(at + HOUR, zone) === offsetAt(day, zone)) at += HOUR;
    for (let minute = -150; minute <= 150; minute += 15) instants.push(at + HOUR + minute * 60_000);
  }
  return instants;
}

describe("time zones Graph accepts", () => {
  it("knows every zone of this runtime", () => {
    expect(zones.length).toBeGreaterThan(300);
    // Zones younger than windows-iana's copy of CLDR (or without a Windows zone at all) go as UTC:
    // the instant is kept, Outlook shows it in the user's own zone.
    const unmapped = zones.filter((zone) => windowsZoneOf(zone) === null);
    expect(
      unmapped.filter((zone) => !["America/Ciudad_Juarez", "America/Coyhaique", "Antarctica/Troll"].includes(zone)),
    ).toEqual([]);
  });

  it.each(zones)("%s goes to Graph under an accepted name and keeps the instant", (zone) => {
    const wrong: string[] = [];
    const names = new Set<string>();
    for (const instant of instantsOf(zone)) {
      const sent = graphDateTime(new Date(instant), zone);
      names.add(sent.timeZone);
      if (!GRAPH_ACCEPTED_ZONES.has(sent.timeZone)) wrong.push(`${sent.timeZone} is not a zone Graph accepts`);
      const back = instantOf(sent).getTime();
      if (back !== instant)
        wrong.push(`${new Date(instant).toISOString()} came back as ${new Date(back).toISOString()}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // Mostly in its Windows zone (UTC only for the repeated hour, or a zone Windows differs on).
    const windows = windowsZoneOf(zone);
    if (windows) expect(names.has(windows)).toBe(true);
    else expect([...names]).toEqual(["UTC"]);
  });

  it("reads Windows, IANA and Outlook's own names, and says when a name alone tells nothing", () => {
    expect(ianaZoneOf("W. Europe Standard Time")).toBe("Europe/Berlin");
    expect(ianaZoneOf("Pacific Standard Time")).toBe("America/Los_Angeles");
    expect(ianaZoneOf("Europe/Amsterdam")).toBe("Europe/Amsterdam");
    expect(ianaZoneOf("tzone://Microsoft/Utc")).toBe("UTC");
    expect(ianaZoneOf("tzone://Microsoft/Custom")).toBeNull();
    expect(ianaZoneOf("Mars/Olympus_Mons")).toBeNull();
    // A custom zone's times are in the zone the request asked for (the sync asks for UTC).
    expect(instantOf({ dateTime: "2026-07-01T09:00:00.0000000", timeZone: "tzone://Microsoft/Custom" })).toEqual(
      new Date("2026-07-01T09:00:00Z"),
    );
    expect(instantOf({ dateTime: "2026-07-01T09:00:00.0000000", timeZone: "FLE Standard Time" })).toEqual(
      new Date("2026-07-01T06:00:00Z"),
    );
  });

  it("sends the hour repeated when summer time ends as UTC, the hour before it in the Windows zone", () => {
    // Berlin, 2026-10-25: 02:30 happens at 00:30 and at 01:30 UTC.
    expect(graphDateTime(new Date("2026-10-25T00:30:00Z"), "Europe/Berlin")).toEqual({
      dateTime: "2026-10-25T00:30:00.0000000",
      timeZone: "UTC",
    });
    expect(graphDateTime(new Date("2026-10-24T23:30:00Z"), "Europe/Berlin")).toEqual({
      dateTime: "2026-10-25T01:30:00.0000000",
      timeZone: "W. Europe Standard Time",
    });
  });
});
