import type { CalendarGateway, Mailbox } from "../graph/calendar-gateway";
import { MAX_BATCH } from "../graph/calendar-gateway";
import { GraphCallError } from "../graph/graph-errors";
import {
  type FieldGroup,
  type PushedFields,
  activityIdOfTransaction,
  changedGroups,
  fingerprints,
  fromGraphEvent,
  transactionIdFor,
} from "../graph/graph-event.mapper";
import { type GraphEvent, isRemoved } from "../graph/graph-event.types";
import { instantOf } from "../graph/graph-time";
import { ianaZoneOf } from "../graph/graph-time-zones";
import {
  type SeriesGroup,
  fromSeriesMaster,
  sameRecurrence,
  seriesChangedGroups,
  seriesFingerprints,
} from "../graph/series-master.mapper";
import { MAX_MATERIALISED, occurrencesBetween, startDayOf } from "../../shared/recurrence";
import { dayInZone } from "contract/zoned-time";
import type { KnownSeries, PullRepository, SeriesChanges, SyncedActivity } from "./pull.repository";

export interface PullReport {
  pages: number;
  fullResync: boolean;
  updated: number;
  cancelled: number;
  imported: number;
}

export interface PullOptions {
  windowPastDays: number;
  windowFutureDays: number;
  importOutlookEvents: boolean;
  now: () => Date;
}

export interface PullUser extends Mailbox {
  timeZone: string;
}

const DAY = 86_400_000;

/** Pulls Outlook-side changes for one user through calendarView/delta over a window. */
export function createPullService(repository: PullRepository, gateway: CalendarGateway, options: PullOptions) {
  function desiredWindow() {
    const today = Math.floor(options.now().getTime() / DAY) * DAY;
    return {
      start: new Date(today - options.windowPastDays * DAY),
      end: new Date(today + options.windowFutureDays * DAY),
    };
  }

  /** Compares an Outlook event with its activity; returns what changed (empty: nothing). */
  function differences(activity: SyncedActivity, event: GraphEvent) {
    const outlook = fromGraphEvent(event, activity.timeZone);
    const changes: Parameters<PullRepository["applyOutlook"]>[1] = {};
    if (outlook.startsAt.getTime() !== activity.startsAt.getTime()) changes.startsAt = outlook.startsAt;
    if (outlook.endsAt.getTime() !== activity.endsAt.getTime()) changes.endsAt = outlook.endsAt;
    if (outlook.allDay !== activity.allDay) changes.allDay = outlook.allDay;
    if (outlook.subject !== activity.subject) changes.subject = outlook.subject;
    if ((outlook.location ?? null) !== (activity.location ?? null)) changes.location = outlook.location;
    if (outlook.cancelled && activity.status === "PLANNED") changes.status = "CANCELLED";
    // A Teams meeting made in Outlook (or its link renewed) comes back; Outlook never turns one off,
    // so an event without a link leaves the request as the CRM made it.
    if (outlook.onlineMeetingJoinUrl !== activity.onlineMeetingJoinUrl) {
      changes.onlineMeetingJoinUrl = outlook.onlineMeetingJoinUrl;
      if (outlook.onlineMeetingJoinUrl && !activity.onlineMeeting) changes.onlineMeeting = true;
    }
    return changes;
  }

  /** The group of each activity field the pull takes from Outlook (status: a cancelled meeting). */
  const GROUP_OF: Partial<Record<string, FieldGroup | "status">> = {
    subject: "subject",
    location: "location",
    startsAt: "times",
    endsAt: "times",
    allDay: "times",
    status: "status",
    onlineMeeting: "online",
  };

  /**
   * Field by field: Outlook's change to a field the CRM has not changed since it last sent it comes
   * in; where both changed the same field, the later modification wins. CRM changes Outlook did not
   * override stay queued, and their PATCH carries only them.
   */
  async function applyEvent(
    activity: SyncedActivity,
    event: GraphEvent,
    report: PullReport,
    /** The series of an occurrence's instance (what its master was last sent). */
    series?: KnownSeries,
  ) {
    const now = options.now();
    if (!activity.link) return repository.link(activity, event.id, event.changeKey);
    if (event.changeKey === activity.link.changeKey) return; // our own write coming back
    const outlook = differences(activity, event);
    const crmChanged = activity.pendingPush ? changedGroups(activity, activity.pushed) : new Set<FieldGroup>();
    const crmNewer = activity.pendingPush && activity.modifiedAt.getTime() > Date.parse(event.lastModifiedDateTime);
    // A plain occurrence (Graph's event "type": occurrence, learn.microsoft.com/graph/api/resources/
    // event) was never changed on its own in Outlook: what it shows is its series master's, and its
    // change key and lastModifiedDateTime move with every change of the master, the CRM's own PATCH
    // of the whole series included. Outlook keeps an exception's own changes over the series' (an
    // exception holds what was changed on it, the rest comes from the series: MS-OXOCAL 2.2.10.2,
    // "Exception Embedded Message Object"), so the CRM's change of this one (not sent yet) wins over
    // it, whichever is later. Once known what was last sent for it, that is.
    const plainOccurrence = event.type === "occurrence" && !!activity.seriesId && !!activity.pushed;
    // Otherwise Outlook changed a group only where its value is not the one the CRM last sent.
    const outlookFingerprints = fingerprints({ ...activity, ...outlook });
    const outlookChanged = (group: FieldGroup) =>
      !plainOccurrence && (!activity.pushed || outlookFingerprints[group] !== activity.pushed.fields[group]);
    const changes: typeof outlook = {};
    const taken = new Set<FieldGroup | "status">();
    for (const [field, value] of Object.entries(outlook) as [keyof typeof outlook, never][]) {
      const group = GROUP_OF[field];
      // The join link is Outlook's alone: it always comes in.
      if (!group) {
        changes[field] = value;
        continue;
      }
      // The CRM's change of a group stays when it is the later one, or when Outlook did not change that group.
      const crmWins = group === "status" ? crmNewer : crmChanged.has(group) && (crmNewer || !outlookChanged(group));
      if (crmWins) continue;
      changes[field] = value;
      taken.add(group);
    }
    // An occurrence moved or changed in Outlook is an exception: a change of the whole series leaves it.
    if (activity.seriesId && Object.keys(changes).length > 0 && event.type === "exception")
      changes.seriesException = true;
    const after = { ...activity, ...changes };
    const stillToPush = [...crmChanged].some((group) => !taken.has(group));
    // What counts as sent from now on: Outlook's value for each field taken from it, and the
    // attendees Outlook shows now (anyone invited there stays on the next PATCH).
    const current = fingerprints(after);
    const pushed: PushedFields | null = activity.pushed
      ? {
          fields: {
            ...activity.pushed.fields,
            ...Object.fromEntries([...taken].filter((g) => g !== "status").map((g) => [g, current[g as FieldGroup]])),
          },
          attendee: activity.pushed.attendee,
          outlookAttendees: event.attendees ?? activity.pushed.outlookAttendees,
        }
      : series?.pushed && !activity.pendingPush
        ? // An occurrence first seen in step with its instance: what it shows now is what was sent
          // for it (by its master), so a later change of this one sends only what it changes.
          { fields: current, attendee: series.pushed.attendee, outlookAttendees: event.attendees ?? null }
        : null;
    if (Object.keys(changes).length === 0 && activity.pendingPush)
      return repository.keepCrm(activity, event.changeKey, pushed);
    if (await repository.applyOutlook(activity, changes, event.changeKey, now, { pushed, keepPush: stillToPush })) {
      if (changes.status === "CANCELLED") report.cancelled++;
      else if (Object.keys(changes).length > 0) report.updated++;
    }
  }

  /** Outlook says these left the view: deleted, or moved out of the window. A GET tells which. */
  async function confirmGone(user: PullUser, activities: SyncedActivity[], report: PullReport) {
    for (let index = 0; index < activities.length; index += MAX_BATCH) {
      const chunk = activities.slice(index, index + MAX_BATCH);
      const results = await gateway.batch(
        user,
        chunk.map((activity) => ({ key: activity.id, kind: "get", eventId: activity.link!.eventId })),
      );
      for (const [position, result] of results.entries()) {
        const activity = chunk[position]!;
        if (result.ok && result.event) await applyEvent(activity, result.event, report);
        else if (!result.ok && result.failure.kind === "gone") {
          if ((await repository.deletedInOutlook(activity, options.now())) && activity.status === "PLANNED")
            report.cancelled++;
        } else if (!result.ok) throw new GraphCallError(result.failure);
      }
    }
  }

  async function applyPage(
    user: PullUser,
    items: Parameters<typeof isRemoved>[0][],
    seen: Set<string>,
    report: PullReport,
    mastersRead: Set<string>,
  ) {
    const all = items.filter((item): item is GraphEvent => !isRemoved(item));
    all.forEach((event) => seen.add(event.id));
    const removedIds = items.filter(isRemoved).map((item) => item.id);
    // Instances of our series are matched by series and originalStart; the rest as single events.
    const series = await repository.seriesByMasters(user.userId, [
      ...new Set(all.flatMap((event) => (event.seriesMasterId ? [event.seriesMasterId] : []))),
      ...all.filter((event) => event.type === "seriesMaster").map((event) => event.id),
    ]);
    let seriesByMaster = new Map(series.map((known) => [known.graphEventId, known]));
    const removedKnown = await repository.find(user.userId, removedIds, []);
    const deletedSeries = await readMasters(user, all, removedKnown, seriesByMaster, report, mastersRead);
    if (series.length > 0) {
      // Merging may have changed them (a new subject, rule or time): instances are matched with the series as it is now.
      const now = await repository.seriesByMasters(user.userId, [...seriesByMaster.keys()]);
      seriesByMaster = new Map(now.map((known) => [known.graphEventId, known]));
    }
    const ofOurSeries = (event: GraphEvent) => !!event.seriesMasterId && seriesByMaster.has(event.seriesMasterId);
    const events = all.filter((event) => event.type !== "seriesMaster" && !ofOurSeries(event));
    await applyInstances(user, all.filter(ofOurSeries), seriesByMaster, report);
    const ourIds = events
      .map((event) => activityIdOfTransaction(event.transactionId))
      .filter((id): id is string => id !== null);
    const known = await repository.find(user.userId, [...events.map((event) => event.id), ...removedIds], ourIds);
    const byEvent = new Map(known.flatMap((activity) => (activity.link ? [[activity.link.eventId, activity]] : [])));
    const byId = new Map(known.map((activity) => [activity.id, activity]));
    for (const event of events) {
      // By transactionId only for the event of the activity's current generation: an older one is not ours to link.
      const created = byId.get(activityIdOfTransaction(event.transactionId) ?? "");
      const current =
        created && !created.link && event.transactionId === transactionIdFor(created.id, created.graphGeneration);
      const activity = byEvent.get(event.id) ?? (current ? created : undefined);
      if (activity) await applyEvent(activity, event, report);
      else if (options.importOutlookEvents && !activityIdOfTransaction(event.transactionId))
        await importEvent(user, event, report);
    }
    // Occurrences of a series deleted in Outlook were settled with it.
    const gone = removedIds
      .map((id) => byEvent.get(id))
      .filter((activity): activity is SyncedActivity => !!activity && !deletedSeries.has(activity.seriesId ?? ""));
    await confirmGone(user, gone, report);
  }

  /**
   * calendarView/delta returns a series' occurrences and exceptions, never its master ("Get
   * incremental changes to events in a calendar view", learn.microsoft.com/graph/delta-query-events);
   * each instance names it (seriesMasterId). A master changed in Outlook shows in its plain
   * occurrences (their change key follows the master's), and a deleted one as removed instances:
   * for those series the master is read (GET /me/events/{seriesMasterId}, learn.microsoft.com/graph/
   * api/event-get) and merged, before the instances are compared. Returns the series found deleted.
   */
  async function readMasters(
    user: PullUser,
    events: GraphEvent[],
    removed: SyncedActivity[],
    seriesByMaster: Map<string, KnownSeries>,
    report: PullReport,
    /** Series whose master this pull read already (a later page need not read it again). */
    mastersRead: Set<string>,
  ): Promise<Set<string>> {
    const deleted = new Set<string>();
    const linked = new Map(
      (
        await repository.find(
          user.userId,
          events.filter((event) => event.seriesMasterId).map((event) => event.id),
          [],
        )
      ).map((activity) => [activity.link!.eventId, activity]),
    );
    const toRead = new Map<string, KnownSeries>();
    for (const event of events) {
      const known = event.seriesMasterId ? seriesByMaster.get(event.seriesMasterId) : undefined;
      if (!known || event.type === "exception") continue;
      const activity = linked.get(event.id);
      if (!activity || activity.link?.changeKey !== event.changeKey) toRead.set(known.id, known);
    }
    // A master in the delta itself (calendarView does not return them, events/delta does) needs no GET.
    const masters = events.filter((event) => event.type === "seriesMaster" && seriesByMaster.has(event.id));
    for (const master of masters) {
      toRead.delete(seriesByMaster.get(master.id)!.id);
      await mergeMaster(seriesByMaster.get(master.id)!, master, report);
    }
    const removedOf = [...new Set(removed.flatMap((activity) => (activity.seriesId ? [activity.seriesId] : [])))];
    for (const known of await repository.seriesByMasters(user.userId, [], removedOf)) toRead.set(known.id, known);
    const reading = [...toRead.values()].filter((known) => !mastersRead.has(known.id));
    reading.forEach((known) => mastersRead.add(known.id));
    for (let index = 0; index < reading.length; index += MAX_BATCH) {
      const chunk = reading.slice(index, index + MAX_BATCH);
      const results = await gateway.batch(
        user,
        chunk.map((known) => ({ key: known.id, kind: "get", eventId: known.graphEventId })),
      );
      for (const [position, result] of results.entries()) {
        const known = chunk[position]!;
        if (result.ok && result.event) await mergeMaster(known, result.event, report);
        else if (!result.ok && result.failure.kind === "gone") {
          report.cancelled += await repository.seriesDeletedInOutlook(known, options.now());
          deleted.add(known.id);
        } else if (!result.ok) throw new GraphCallError(result.failure);
      }
    }
    return deleted;
  }

  /**
   * Outlook's edit of a series master comes into the series by the conflict rules of single events:
   * per group (subject, location, time, rule, cancelled), Outlook's change is taken unless the CRM
   * changed the same group since it last sent the master and its change is the later one. The body,
   * reminder and categories edited in Outlook stay there; a change of the time or rule rebuilds
   * the planned occurrences not changed on their own, as Outlook rebuilds its instances.
   */
  async function mergeMaster(series: KnownSeries, master: GraphEvent, report: PullReport) {
    if (master.changeKey === series.graphChangeKey) return; // our own write, or nothing new
    const outlook = fromSeriesMaster(master, series.timeZone);
    const differs: Partial<Record<SeriesGroup | "status", SeriesChanges>> = {};
    if (outlook.subject !== series.subject) differs.subject = { subject: outlook.subject };
    if ((outlook.location ?? null) !== (series.location ?? null)) differs.location = { location: outlook.location };
    if (
      outlook.firstStartsAt.getTime() !== series.firstStartsAt.getTime() ||
      outlook.firstEndsAt.getTime() !== series.firstEndsAt.getTime() ||
      outlook.allDay !== series.allDay
    )
      differs.times = {
        firstStartsAt: outlook.firstStartsAt,
        firstEndsAt: outlook.firstEndsAt,
        allDay: outlook.allDay,
      };
    // A rule the CRM cannot hold stays Outlook's: the instances still come in one by one.
    if (outlook.recurrence && !sameRecurrence(outlook.recurrence, series.recurrence))
      differs.recurrence = { recurrence: outlook.recurrence };
    if (outlook.cancelled && !series.cancelled) differs.status = { cancelled: true };

    const crmChanged = series.pendingPush
      ? seriesChangedGroups({ ...series, attendee: null }, series.pushed)
      : new Set<SeriesGroup>();
    const crmNewer = series.pendingPush && series.modifiedAt.getTime() > Date.parse(master.lastModifiedDateTime);
    const changes: SeriesChanges = {};
    const taken = new Set<SeriesGroup | "status">();
    for (const [group, value] of Object.entries(differs) as [SeriesGroup | "status", SeriesChanges][]) {
      if (crmNewer && (group === "status" || crmChanged.has(group as SeriesGroup))) continue;
      Object.assign(changes, value);
      taken.add(group);
    }
    const after = { ...series, ...changes, attendee: null };
    // What counts as sent from now on: Outlook's value for each group taken from it, and the
    // attendees Outlook shows now (anyone invited there stays on the next PATCH).
    const current = seriesFingerprints(after);
    const pushed = series.pushed
      ? {
          ...series.pushed,
          fields: {
            ...series.pushed.fields,
            ...Object.fromEntries(
              [...taken].filter((g) => g !== "status" && g !== "recurrence").map((g) => [g, current[g as SeriesGroup]]),
            ),
          },
          // A new time can move the first day, which is part of the rule's fingerprint.
          recurrence: taken.has("recurrence") || taken.has("times") ? current.recurrence : series.pushed.recurrence,
          outlookAttendees: master.attendees ?? series.pushed.outlookAttendees,
        }
      : null;
    const keepPush = [...crmChanged].some((group) => !taken.has(group));
    const rebuild = !changes.cancelled && (taken.has("times") || taken.has("recurrence"));
    const until = desiredWindow().end;
    const occurrences = rebuild
      ? occurrencesBetween(
          { ...after, pattern: after.recurrence.pattern, range: after.recurrence.range },
          startDayOf(after),
          dayInZone(until, after.timeZone),
          MAX_MATERIALISED,
        )
      : null;
    const result = await repository.seriesFromOutlook(
      series,
      changes,
      master,
      { pushed, keepPush: series.pendingPush && keepPush },
      occurrences,
      rebuild ? until : null,
      options.now(),
    );
    report.cancelled += result.cancelled;
  }

  /** Materialises the occurrences of the user's series up to the window's end, as the days pass. */
  async function extendSeries(user: PullUser) {
    const until = desiredWindow().end;
    for (const series of await repository.seriesToExtend(user.userId, until)) {
      const occurrences = occurrencesBetween(
        { ...series, pattern: series.recurrence.pattern, range: series.recurrence.range },
        // From the day it was materialised to: the inserts skip the occurrences already there.
        dayInZone(series.materialisedUntil, series.timeZone) > startDayOf(series)
          ? dayInZone(series.materialisedUntil, series.timeZone)
          : startDayOf(series),
        dayInZone(until, series.timeZone),
        MAX_MATERIALISED,
      );
      await repository.extendSeries(series, occurrences, until);
    }
  }

  /** Outlook's instances of our series: each linked to its occurrence (made if missing), then compared. */
  async function applyInstances(
    user: PullUser,
    instances: GraphEvent[],
    seriesByMaster: Map<string, KnownSeries>,
    report: PullReport,
  ) {
    if (instances.length === 0) return;
    const known = await repository.find(
      user.userId,
      instances.map((event) => event.id),
      [],
    );
    const linked = new Map(known.map((activity) => [activity.link!.eventId, activity]));
    for (const event of instances) {
      let activity = linked.get(event.id);
      if (!activity) {
        const series = seriesByMaster.get(event.seriesMasterId!)!;
        const originalStart = event.originalStart ? new Date(event.originalStart) : instantOf(event.start);
        // An exception's own times are its change; the occurrence the rule made starts at originalStart.
        const duration = instantOf(event.end).getTime() - instantOf(event.start).getTime();
        const found = await repository.occurrence(series, originalStart, {
          startsAt: originalStart,
          endsAt: new Date(originalStart.getTime() + duration),
        });
        if (!found || found.link || !(await repository.linkOccurrence(found, event.id))) continue;
        activity = { ...found, link: { eventId: event.id, changeKey: null, mailboxUserId: user.userId } };
      }
      await applyEvent(activity, event, report, seriesByMaster.get(event.seriesMasterId!));
    }
  }

  async function importEvent(user: PullUser, event: GraphEvent, report: PullReport) {
    const addresses = (event.attendees ?? []).map((attendee) => attendee.emailAddress.address).filter(Boolean);
    const contact = await repository.contactByEmails(addresses);
    if (!contact) return;
    // The zone the meeting was made in, where its name says one; else the user's.
    const timeZone = (event.originalStartTimeZone && ianaZoneOf(event.originalStartTimeZone)) || user.timeZone;
    const imported = await repository.importEvent(
      {
        ...fromGraphEvent(event, timeZone),
        ownerId: user.userId,
        timeZone,
        contactId: contact.id,
        customerId: contact.customerId,
        eventId: event.id,
        changeKey: event.changeKey,
      },
      options.now(),
    );
    if (imported) report.imported++;
  }

  return {
    /** A series master read by the push (its PATCH met a 412): Outlook's change merged first. */
    async mergeSeriesMaster(user: Mailbox, seriesId: string, master: GraphEvent): Promise<void> {
      const [series] = await repository.seriesByMasters(user.userId, [], [seriesId]);
      if (series)
        await mergeMaster(series, master, { pages: 0, fullResync: false, updated: 0, cancelled: 0, imported: 0 });
    },

    async pull(user: PullUser): Promise<PullReport> {
      const report: PullReport = { pages: 0, fullResync: false, updated: 0, cancelled: 0, imported: 0 };
      await extendSeries(user);
      const state = await repository.state(user.userId);
      const desired = desiredWindow();
      // A window that drifted by a day or more is renewed with a full sync.
      const drifted = !state || Math.abs(state.windowStart.getTime() - desired.start.getTime()) >= DAY;
      let window = drifted ? desired : { start: state.windowStart, end: state.windowEnd };
      let from: { link: string } | { start: Date; end: Date } =
        !drifted && state?.deltaLink ? { link: state.deltaLink } : window;
      report.fullResync = !("link" in from);
      const seen = new Set<string>();
      const mastersRead = new Set<string>();
      for (;;) {
        let page;
        try {
          page = await gateway.deltaPage(user, from);
        } catch (error) {
          // 410: Graph forgot our sync state. Start over; matching by event id keeps it free of duplicates.
          if (error instanceof GraphCallError && error.failure.kind === "delta-expired" && !report.fullResync) {
            window = desired;
            from = window;
            report.fullResync = true;
            seen.clear();
            continue;
          }
          throw error;
        }
        report.pages++;
        await applyPage(user, page.items, seen, report, mastersRead);
        if (page.nextLink) {
          from = { link: page.nextLink };
          continue;
        }
        if (report.fullResync) {
          // Events that vanished while we were not looking (e.g. before a 410) are found by their absence.
          const missing = (await repository.withEventsIn(user.userId, window.start, window.end)).filter(
            (activity) => !seen.has(activity.link!.eventId),
          );
          await confirmGone(user, missing, report);
        }
        await repository.saveState(
          user.userId,
          { deltaLink: page.deltaLink, windowStart: window.start, windowEnd: window.end },
          options.now(),
        );
        return report;
      }
    },
  };
}

export type PullService = ReturnType<typeof createPullService>;
