import type { CalendarGateway, CalendarRequest } from "../graph/calendar-gateway";
import { MAX_BATCH } from "../graph/calendar-gateway";
import { GraphCallError, type GraphFailure } from "../graph/graph-errors";
import { ACTIVITY_ID_PROPERTY } from "../graph/graph-event.mapper";
import type { GraphEvent } from "../graph/graph-event.types";
import { masterOf, seriesPushedAfter, toSeriesPatch } from "../graph/series-master.mapper";
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
  /** Merges Outlook's change of a master into its series (the pull's rules); without it, only the change key is kept. */
  mergeMaster?: (mailbox: { userId: string; email: string }, seriesId: string, master: GraphEvent) => Promise<void>;
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
  // Only what the CRM changed since it last sent the master: Outlook-side edits of the rest stay.
  return {
    key,
    kind: "update",
    eventId: series.graphEventId,
    changeKey: series.graphChangeKey,
    event: toSeriesPatch(series, series.pushed),
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
    result: { ok: true; event: GraphEvent | null } | { ok: false; failure: GraphFailure },
  ) {
    const now = options.now();
    const removing = request?.kind === "delete" || request?.kind === "cancel";
    if (result.ok) {
      if (removing) return outbox.removed(series, now, false);
      const eventId = result.event?.id ?? series.graphEventId;
      if (!eventId)
        return outbox.retry(series, new Date(now.getTime() + backoffMs(series.attempts)), "no event id", true);
      const sent = request?.kind === "create" || request?.kind === "update" ? request.event : {};
      const pushed = seriesPushedAfter(series, result.event, series.pushed, sent);
      return outbox.synced(series, eventId, result.event?.changeKey ?? null, pushed, now);
    }
    const { failure } = result;
    switch (failure.kind) {
      case "gone":
        return outbox.removed(series, now, !removing);
      case "conflict": {
        // The master changed in Outlook since our last look (an occurrence changed or deleted there
        // changes it too). calendarView returns instances, never the master, so it is read here and
        // merged by the conflict rules first; what the CRM changed and Outlook did not override goes
        // on the next round, with the change key read.
        const mailbox = { userId: series.ownerId, email: series.ownerEmail };
        const [current] = await gateway.batch(mailbox, [
          { key: series.id, kind: "get", eventId: series.graphEventId! },
        ]);
        if (current?.ok && current.event) {
          if (options.mergeMaster) await options.mergeMaster(mailbox, series.id, current.event);
          else await outbox.changeKey(series, current.event.changeKey);
        }
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
          // A change Outlook does not show (the series' customer, say): in step without a request.
          for (const { series, request } of work.filter(
            (item) => item.request?.kind === "update" && Object.keys(item.request.event).length === 0,
          ))
            await settle(series, request, { ok: true, event: null });
          const sending = work.filter(
            (item) => item.request && !(item.request.kind === "update" && Object.keys(item.request.event).length === 0),
          );
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
