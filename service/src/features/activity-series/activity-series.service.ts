import type { ActivitySeries, SeriesCreate, SeriesUpdate } from "contract";
import { dayInZone } from "contract/zoned-time";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { badRequest, notFound } from "../../shared/app-error";
import { MAX_MATERIALISED, occurrencesBetween, occurrenceOn, startDayOf } from "../../shared/recurrence";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { ActivitySeriesRepository, SeriesWrite } from "./activity-series.repository";

export interface ActivitySeriesService {
  create(input: SeriesCreate, user: CurrentUser): Promise<ActivitySeries>;
  get(id: string): Promise<ActivitySeries>;
  /** "The whole series". "This one" is PATCH /api/activities/:id on the occurrence. */
  update(id: string, input: SeriesUpdate, user: CurrentUser): Promise<ActivitySeries>;
}

interface Deps {
  series: ActivitySeriesRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  /** Occurrences exist as activities this many days ahead (the sync window's future). */
  materialiseDays: number;
  now?: () => Date;
}

const DAY = 86_400_000;

export function createActivitySeriesService({
  series,
  customers,
  contacts,
  materialiseDays,
  now = () => new Date(),
}: Deps): ActivitySeriesService {
  /** The occurrences to hold as activities: from the first one up to the window's end, bounded. */
  function materialise(data: SeriesWrite) {
    const until = new Date(now().getTime() + materialiseDays * DAY);
    const occurrences = occurrencesBetween(
      { ...data, pattern: data.recurrence.pattern, range: data.recurrence.range },
      startDayOf(data),
      dayInZone(until, data.timeZone),
      MAX_MATERIALISED,
    );
    return { until, occurrences };
  }

  function checkRule(data: SeriesWrite) {
    const { range } = data.recurrence;
    if (range.type === "endDate" && range.endDate! < startDayOf(data))
      throw badRequest("body.recurrence.range.endDate", "must not be before the first occurrence's day");
    if (data.onlineMeeting && data.type !== "MEETING")
      throw badRequest("body.onlineMeeting", "only a MEETING can be a Teams meeting");
    // Graph starts a series on its range's startDate: the first occurrence must be one of the rule's.
    const first = occurrencesBetween(
      { ...data, pattern: data.recurrence.pattern, range: data.recurrence.range },
      startDayOf(data),
      startDayOf(data),
      1,
    );
    if (first.length === 0) throw badRequest("body.startsAt", "is not a day the recurrence pattern falls on");
  }

  const get = async (id: string) => (await series.findById(id)) ?? Promise.reject(notFound("activity series", id));

  return {
    get,

    async create(input, user) {
      requirePermission(user, "activities:create");
      if (input.customerId) await customers.require(input.customerId, "body.customerId");
      const contactCustomerId = input.contactId ? await contacts.requireFor(input.contactId, input.customerId) : null;
      const data: SeriesWrite = {
        type: input.type,
        subject: input.subject,
        notes: input.notes ?? null,
        location: input.location ?? null,
        firstStartsAt: new Date(input.startsAt),
        firstEndsAt: new Date(input.endsAt),
        timeZone: input.timeZone,
        allDay: input.allDay,
        reminderMinutesBefore: input.reminderMinutesBefore !== undefined ? input.reminderMinutesBefore : 15,
        onlineMeeting: input.onlineMeeting ?? false,
        recurrence: input.recurrence,
        ownerId: user.id,
        customerId: input.customerId ?? contactCustomerId ?? null,
        contactId: input.contactId ?? null,
      };
      checkRule(data);
      const { until, occurrences } = materialise(data);
      return get(await series.create(data, occurrences, until, user.id));
    },

    async update(id, input, user) {
      const current = await series.findWrite(id);
      if (!current) throw notFound("activity series", id);
      requirePermission(user, "activities:change", { owner: current.ownerId === user.id });
      if (current.cancelled) throw badRequest("body.cancelled", "this series is cancelled already");
      const { version, startsAt, endsAt, cancelled, ...fields } = input;
      const firstStartsAt = startsAt ? new Date(startsAt) : current.firstStartsAt;
      const firstEndsAt = endsAt
        ? new Date(endsAt)
        : new Date(firstStartsAt.getTime() + (current.firstEndsAt.getTime() - current.firstStartsAt.getTime()));
      if (firstEndsAt < firstStartsAt) throw badRequest("body.endsAt", "must not be before startsAt");
      const next: SeriesWrite = {
        ...current,
        ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
        firstStartsAt,
        firstEndsAt,
      } as SeriesWrite;
      checkRule(next);
      const timesChanged =
        input.recurrence !== undefined ||
        firstStartsAt.getTime() !== current.firstStartsAt.getTime() ||
        firstEndsAt.getTime() !== current.firstEndsAt.getTime() ||
        next.timeZone !== current.timeZone ||
        next.allDay !== current.allDay;
      const { until, occurrences } = materialise(next);
      await series.updateWhole(
        id,
        version,
        { ...next, ...(cancelled && { cancelled: true }) },
        timesChanged ? occurrences : null,
        until,
        user.id,
      );
      return get(id);
    },
  };
}

/** Where the rule puts an occurrence on a day (for the pull, which learns days from Outlook). */
export { occurrenceOn };
