import type { CalendarGateway, Mailbox } from "../graph/calendar-gateway";
import { MAX_BATCH } from "../graph/calendar-gateway";
import { GraphCallError } from "../graph/graph-errors";
import {
  type FieldGroup,
  activityIdOfTransaction,
  changedGroups,
  fingerprints,
  fromGraphEvent,
  transactionIdFor,
} from "../graph/graph-event.mapper";
import { type GraphEvent, isRemoved } from "../graph/graph-event.types";
import { instantOf } from "../graph/graph-time";
import { ianaZoneOf } from "../graph/graph-time-zones";
import type { KnownSeries, PullRepository, SyncedActivity } from "./pull.repository";

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
  async function applyEvent(activity: SyncedActivity, event: GraphEvent, report: PullReport) {
    const now = options.now();
    if (!activity.link) return repository.link(activity, event.id, event.changeKey);
    if (event.changeKey === activity.link.changeKey) return; // our own write coming back
    const outlook = differences(activity, event);
    const crmChanged = activity.pendingPush ? changedGroups(activity, activity.pushed) : new Set<FieldGroup>();
    const crmNewer = activity.pendingPush && activity.modifiedAt.getTime() > Date.parse(event.lastModifiedDateTime);
    const changes: typeof outlook = {};
    const taken = new Set<FieldGroup | "status">();
    for (const [field, value] of Object.entries(outlook) as [keyof typeof outlook, never][]) {
      const group = GROUP_OF[field];
      // The join link is Outlook's alone: it always comes in.
      if (!group) {
        changes[field] = value;
        continue;
      }
      const crmWins = crmNewer && (group === "status" || crmChanged.has(group));
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
    const pushed = activity.pushed
      ? {
          fields: {
            ...activity.pushed.fields,
            ...Object.fromEntries([...taken].filter((g) => g !== "status").map((g) => [g, current[g as FieldGroup]])),
          },
          attendee: activity.pushed.attendee,
          outlookAttendees: event.attendees ?? activity.pushed.outlookAttendees,
        }
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
  ) {
    const all = items.filter((item): item is GraphEvent => !isRemoved(item));
    all.forEach((event) => seen.add(event.id));
    const removedIds = items.filter(isRemoved).map((item) => item.id);
    // Instances of our series are matched by series and originalStart; the rest as single events.
    const series = await repository.seriesByMasters(user.userId, [
      ...new Set(all.flatMap((event) => (event.seriesMasterId ? [event.seriesMasterId] : []))),
      ...all.filter((event) => event.type === "seriesMaster").map((event) => event.id),
    ]);
    const seriesByMaster = new Map(series.map((known) => [known.graphEventId, known]));
    for (const master of all.filter((event) => event.type === "seriesMaster" && seriesByMaster.has(event.id)))
      await repository.seriesMasterSeen(seriesByMaster.get(master.id)!.id, master.changeKey);
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
    const gone = removedIds.map((id) => byEvent.get(id)).filter((activity): activity is SyncedActivity => !!activity);
    await confirmGone(user, gone, report);
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
      await applyEvent(activity, event, report);
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
    async pull(user: PullUser): Promise<PullReport> {
      const report: PullReport = { pages: 0, fullResync: false, updated: 0, cancelled: 0, imported: 0 };
      const state = await repository.state(user.userId);
      const desired = desiredWindow();
      // A window that drifted by a day or more is renewed with a full sync.
      const drifted = !state || Math.abs(state.windowStart.getTime() - desired.start.getTime()) >= DAY;
      let window = drifted ? desired : { start: state.windowStart, end: state.windowEnd };
      let from: { link: string } | { start: Date; end: Date } =
        !drifted && state?.deltaLink ? { link: state.deltaLink } : window;
      report.fullResync = !("link" in from);
      const seen = new Set<string>();
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
        await applyPage(user, page.items, seen, report);
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
