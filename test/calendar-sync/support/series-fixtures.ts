import type { ApiClient } from "../../support/api-client";

// What the series suites (test/calendar-sync/series*.test.ts) share: the series they plan through
// the API, how they read one back, and what makes an occurrence a duplicate.

/** "Visit every first Monday", 09:00–10:00 Berlin, four times from February 2027. */
export const FIRST_MONDAYS = {
  type: "VISIT",
  subject: "Monthly visit",
  startsAt: "2027-02-01T08:00:00.000Z",
  endsAt: "2027-02-01T09:00:00.000Z",
  timeZone: "Europe/Berlin",
  recurrence: {
    pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: ["monday"], index: "first" },
    range: { type: "numbered", numberOfOccurrences: 4 },
  },
};

/** A weekly call on Tuesdays, 14:00–14:30 Berlin, from 1 December 2026 to 22 December 2026. */
export const WEEKLY_CALL = {
  type: "CALL",
  subject: "Weekly call",
  startsAt: "2026-12-01T13:00:00.000Z",
  endsAt: "2026-12-01T13:30:00.000Z",
  timeZone: "Europe/Berlin",
  recurrence: {
    pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"], firstDayOfWeek: "monday" },
    range: { type: "endDate", endDate: "2026-12-22" },
  },
};

/** POST /api/activity-series, which must answer 201; the series as created. */
export async function planSeries(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post("/api/activity-series", body);
  if (response.status !== 201) throw new Error(`series: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** GET /api/activity-series/:id: the series with its occurrences. */
export const seriesOf = async (client: ApiClient, id: string) => (await client.get(`/api/activity-series/${id}`)).body;

/** An occurrence as GET /api/activity-series/:id lists it. */
export type Occurrence = {
  id: string;
  version: number;
  subject: string;
  location: string | null;
  startsAt: string;
  status: string;
  series: { occurrenceStart: string; exception: boolean };
  sync: { state: string; eventId: string | null };
};

/** Activities per Outlook instance id and per occurrenceStart: any count above one is a duplicate. */
export function duplicates(occurrences: Pick<Occurrence, "sync" | "series">[]) {
  const count = (keys: (string | null)[]) => {
    const present = keys.filter((key) => key !== null);
    return present.length - new Set(present).size;
  };
  return (
    count(occurrences.map((occurrence) => occurrence.sync.eventId)) +
    count(occurrences.map((occurrence) => occurrence.series.occurrenceStart))
  );
}

/** A few milliseconds, so a later edit has a later modification time than the one before it. */
export const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
