import { startDayOf } from "../../shared/recurrence";
import type { CalendarGateway, CalendarRequest } from "../graph/calendar-gateway";
import { MAX_BATCH } from "../graph/calendar-gateway";
import { GraphCallError, type GraphFailure } from "../graph/graph-errors";
import type { GraphEventWrite, GraphRecurrence } from "../graph/graph-event.types";
import { ACTIVITY_ID_PROPERTY, toGraphEvent } from "../graph/graph-event.mapper";
import { windowsZoneOf } from "../graph/graph-time-zones";
import type { LeasedSeries, SeriesOutboxRepository } from "../outbox/series-outbox.repository";

/** Our series masters carry this transactionId: a repeated create answers with the same series. */
export const seriesTransactionIdFor = (seriesId: string, generation: number) => `crm-series-${seriesId}-${generation}`;

export interface SeriesPushOptions {
  workerId: string;
  leaseMs: number;
  retryBaseMs: number;
  retryCapMs: number;
  now: () => Date;
  random: () => number;
}

/** Graph's patternedRecurrence of a series; the range starts on the first occurrence's day in its zone. */
export function recurrenceOf(series: LeasedSeries): GraphRecurrence {
  const { pattern, range } = series.recurrence;
  return {
    pattern: { ...pattern },
    range: {
      type: range.type,
      startDate: startDayOf(series),
      ...(range.type === "endDate" && { endDate: range.endDate }),
      ...(range.type === "numbered" && { numberOfOccurrences: range.numberOfOccurrences }),
      // A name Graph documents, as for start and end (CLDR windowsZones); UTC for a zone it does not map.
      recurrenceTimeZone: windowsZoneOf(series.timeZone) ?? "UTC",
    },
  };
}

/** The series master: the first occurrence's event with the recurrence. */
function masterOf(series: LeasedSeries): GraphEventWrite {
  return {
    ...toGraphEvent({
      id: series.id,
      subject: series.subject,
      notes: series.notes,
      location: series.location,
      startsAt: series.firstStartsAt,
      endsAt: series.firstEndsAt,
      timeZone: series.timeZone,
      allDay: series.allDay,
      status: "PLANNED",
      reminderMinutesBefore: series.reminderMinutesBefore,
      graphGeneration: series.graphGeneration,
      attendee: series.attendee,
      onlineMeeting: series.onlineMeeting,
    }),
    recurrence: recurrenceOf(series),
  };
}

function requestFor(series: LeasedSeries): CalendarRequest | null {
  const key = series.id;
  if (series.cancelled) {
    if (!series.graphEventId) return null;
    return series.attendee
      ? { key, kind: "cancel", eventId: series.graphEventId, comment: "Cancelled in the CRM" }
      : { key, kind: "delete", eventId: series.graphEventId };
  }
  if (!series.graphEventId)
    return {
      key,
      kind: "create",
      event: {
        ...masterOf(series),
        transactionId: seriesTransactionIdFor(series.id, series.graphGeneration),
        singleValueExtendedProperties: [{ id: ACTIVITY_ID_PROPERTY, value: `series:${series.id}` }],
      },
    };
  return {
    key,
    kind: "update",
    eventId: series.graphEventId,
    changeKey: series.graphChangeKey,
    event: masterOf(series),
  };
}

/**
 * Pushes recurring series to Outlook: one series master each (create with transactionId, PATCH
 * with If-Match, delete or cancel), in $batch of 20. Their occurrences are learnt by the pull.
 */
export function createSeriesPush(outbox: SeriesOutboxRepository, gateway: CalendarGateway, options: SeriesPushOptions) {
  const backoffMs = (attempts: number) => {
    const ceiling = Math.min(options.retryCapMs, options.retryBaseMs * 2 ** Math.min(attempts, 30));
    return ceiling / 2 + options.random() * (ceiling / 2);
  };

  async function settle(
    series: LeasedSeries,
    request: CalendarRequest | null,
    result: { ok: true; event: { id: string; changeKey?: string } | null } | { ok: false; failure: GraphFailure },
  ) {
    const now = options.now();
    const removing = request?.kind === "delete" || request?.kind === "cancel";
    if (result.ok) {
      if (removing) return outbox.removed(series, now, false);
      const eventId = result.event?.id ?? series.graphEventId;
      if (!eventId)
        return outbox.retry(series, new Date(now.getTime() + backoffMs(series.attempts)), "no event id", true);
      return outbox.synced(series, eventId, result.event?.changeKey ?? null, now);
    }
    const { failure } = result;
    switch (failure.kind) {
      case "gone":
        return outbox.removed(series, now, !removing);
      case "conflict": {
        // The master changed in Outlook since our last look (an occurrence changed or deleted there
        // changes it too). calendarView returns instances, never the master, so its change key is
        // read here; the series' own fields are the CRM's, and go again on the next round.
        const [current] = await gateway.batch({ userId: series.ownerId, email: series.ownerEmail }, [
          { key: series.id, kind: "get", eventId: series.graphEventId! },
        ]);
        if (current?.ok && current.event) await outbox.changeKey(series, current.event.changeKey);
        return outbox.retry(series, now, failure.message, false);
      }
      case "rejected":
      case "delta-expired":
        return outbox.failed(series, `Outlook refused this series (${failure.code}): ${failure.message}`, now);
      default: {
        const wait = failure.retryAfterMs ?? backoffMs(series.attempts);
        return outbox.retry(series, new Date(now.getTime() + wait), failure.message, true);
      }
    }
  }

  return {
    /** Pushes due series (of one owner, or all); returns how many reached Outlook and how many wait for a pull. */
    async push(ownerId?: string): Promise<{ pushed: number; conflicts: number }> {
      const report = { pushed: 0, conflicts: 0 };
      const tried = new Set<string>();
      for (;;) {
        const claimed = await outbox.claim({
          workerId: options.workerId,
          now: options.now(),
          leaseMs: options.leaseMs,
          limit: 100,
          ownerId,
        });
        // Series this run tried already (a conflict waiting for its change key) are handed back at once.
        await outbox.release(claimed.filter((id) => tried.has(id)));
        const ids = claimed.filter((id) => !tried.has(id));
        if (ids.length === 0) return report;
        ids.forEach((id) => tried.add(id));
        const leased = await outbox.load(ids);
        const byOwner = new Map<string, LeasedSeries[]>();
        for (const series of leased) byOwner.set(series.ownerId, [...(byOwner.get(series.ownerId) ?? []), series]);
        for (const owned of byOwner.values()) {
          const mailbox = { userId: owned[0]!.ownerId, email: owned[0]!.ownerEmail };
          const work = owned.map((series) => ({ series, request: requestFor(series) }));
          // Cancelled before it ever reached Outlook: nothing to remove there.
          for (const { series } of work.filter((item) => !item.request))
            await outbox.removed(series, options.now(), false);
          const sending = work.filter((item) => item.request);
          for (let index = 0; index < sending.length; index += MAX_BATCH) {
            const chunk = sending.slice(index, index + MAX_BATCH);
            let results;
            try {
              results = await gateway.batch(
                mailbox,
                chunk.map((item) => item.request!),
              );
            } catch (error) {
              if (!(error instanceof GraphCallError)) throw error;
              results = chunk.map((item) => ({ key: item.series.id, ok: false as const, failure: error.failure }));
            }
            for (const [position, result] of results.entries()) {
              const { series, request } = chunk[position]!;
              if (result.ok) report.pushed++;
              else if (result.failure.kind === "conflict") report.conflicts++;
              await settle(series, request, result);
            }
          }
        }
      }
    },

    releaseAll: (workerId = options.workerId) => outbox.releaseAll(workerId),
    retryNow: (ownerId: string) => outbox.retryNow(ownerId, options.now()),
  };
}

export type SeriesPush = ReturnType<typeof createSeriesPush>;
