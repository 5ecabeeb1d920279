import type { Activity } from "contract";

// The one owner of the link between an activity and its Outlook event, and of the sync state that
// link shows. Push, pull, the outbox and the activities repository ask it what a transition writes;
// event-link.repository.ts is the only code that maps it to the table. Pure: no database, no clock.

export type SyncState = "NOT_SYNCED" | "PENDING" | "SYNCED" | "FAILED";

/** The Outlook event an activity stands for. */
export interface EventLink {
  eventId: string;
  /** Outlook's version of the event as the sync last saw it (If-Match on the next PATCH). */
  changeKey: string | null;
  /** Whose calendar holds the event: the owner's, until the activity is handed to a colleague. */
  mailboxUserId: string;
}

/**
 * What happens to the link. Its life, in short:
 *
 *   unlinked ──pushed (create) | adopted──▶ linked ──pushed (update) | seen──▶ linked
 *   linked ──removed | moved-to-another-owner | deleted-in-outlook──▶ unlinked, next generation
 *
 * A new generation gives the next create a new transactionId, so Graph makes a new event instead
 * of answering with the one that is gone.
 */
export type LinkEvent =
  /** Our create or update was answered with this event. */
  | { kind: "pushed"; eventId: string; changeKey: string | null; mailboxUserId: string }
  /** An event found in Outlook is this activity's: ours whose create answer was lost, or one imported. */
  | { kind: "adopted"; eventId: string; changeKey: string; mailboxUserId: string }
  /** Outlook's event has a new change key (Outlook's edit, or ours coming back). */
  | { kind: "seen"; changeKey: string }
  /** Our delete or cancel was done (or the event was already gone). */
  | { kind: "removed" }
  /** The activity changed owner: the event left the previous owner's calendar. */
  | { kind: "moved-to-another-owner" }
  /** Outlook says the event no longer exists, and we did not ask for that. */
  | { kind: "deleted-in-outlook" };

/** Which events each state allows; anything else is a bug in the caller. */
const ALLOWED: Record<"unlinked" | "linked", ReadonlySet<LinkEvent["kind"]>> = {
  unlinked: new Set(["pushed", "adopted"]),
  linked: new Set(["pushed", "seen", "removed", "moved-to-another-owner", "deleted-in-outlook"]),
};

export class LinkTransitionError extends Error {}

/** The link after an event, and whether its generation ends. Throws for an event the state does not allow. */
export function nextLink(link: EventLink | null, event: LinkEvent): { link: EventLink | null; newGeneration: boolean } {
  const state = link ? "linked" : "unlinked";
  if (!ALLOWED[state].has(event.kind))
    throw new LinkTransitionError(`an activity ${state} to Outlook cannot be ${event.kind}`);
  switch (event.kind) {
    case "pushed":
    case "adopted":
      return {
        link: { eventId: event.eventId, changeKey: event.changeKey, mailboxUserId: event.mailboxUserId },
        newGeneration: false,
      };
    case "seen":
      return { link: { ...link!, changeKey: event.changeKey }, newGeneration: false };
    default:
      return { link: null, newGeneration: true };
  }
}

/** What Outlook needs for an activity as it is now: the push's request, and whether the outbox has work. */
export function outlookNeeds(
  link: Pick<EventLink, "eventId"> | null,
  status: string,
): "create" | "update" | "remove" | "nothing" {
  if (!link) return status === "PLANNED" ? "create" : "nothing";
  return status === "CANCELLED" ? "remove" : "update";
}

/** Columns of the activity a transition writes; event-link.repository.ts maps them to the table. */
export interface LinkColumns {
  /** The whole link (null: none). */
  link?: EventLink | null;
  /** Only the change key, the rest of the link stays. */
  changeKey?: string;
  /** What the CRM last sent the event and the attendees Outlook shows (graph-event.mapper.ts's PushedFields). */
  pushed?: object;
  newGeneration?: boolean;
  syncState?: SyncState;
  syncError?: string | null;
  lastSyncedAt?: Date;
  /** Not waiting for Outlook any more (reason, since and next try cleared). */
  endsWait?: boolean;
  /** Queued again: the next try is now (a wait's reason and start stay while Outlook is unreachable). */
  retryNow?: boolean;
  /** Cancelled by this user at lastSyncedAt: a new version of the activity. */
  cancelledBy?: string;
}

/**
 * One write on one activity: `always` whatever happened meanwhile; `ifUnchanged` together with it
 * only while the activity is at the version the sync read, so a CRM change made meanwhile keeps its
 * own state and is pushed next. With `expectEventId`, nothing is written once the link is another one.
 */
export interface LinkWrite {
  always: LinkColumns;
  ifUnchanged?: LinkColumns;
  expectEventId?: string | null;
}

/** The activity as a transition reads it. */
export interface ActivityAtRead {
  ownerId: string;
  status: string;
  link: EventLink | null;
}

const linkColumns = (link: EventLink | null, event: LinkEvent): LinkColumns => {
  const next = nextLink(link, event);
  return { link: next.link, ...(next.newGeneration && { newGeneration: true }) };
};

/** Our create or update went through: linked, and SYNCED unless the activity changed meanwhile. */
export function pushed(
  activity: ActivityAtRead,
  { eventId, changeKey }: { eventId: string; changeKey: string | null },
  now: Date,
) {
  return {
    always: {
      ...linkColumns(activity.link, { kind: "pushed", eventId, changeKey, mailboxUserId: activity.ownerId }),
      lastSyncedAt: now,
      syncError: null,
      endsWait: true,
    },
    ifUnchanged: { syncState: "SYNCED" },
  } satisfies LinkWrite;
}

/** Our delete or cancel went through, or found the event gone: unlinked and SYNCED. */
export function removed(activity: ActivityAtRead, now: Date): LinkWrite {
  return {
    always: { ...linkColumns(activity.link, { kind: "removed" }), lastSyncedAt: now, syncError: null, endsWait: true },
    ifUnchanged: { syncState: "SYNCED" },
  };
}

/** The event left the previous owner's calendar; the activity is created in the new owner's next. */
export function movedToAnotherOwner(activity: ActivityAtRead): LinkWrite {
  return { always: linkColumns(activity.link, { kind: "moved-to-another-owner" }) };
}

/** Found in Outlook by its transactionId after the create's answer was lost: linked, only if still unlinked. */
export function adopted(
  activity: ActivityAtRead,
  { eventId, changeKey }: { eventId: string; changeKey: string },
): LinkWrite {
  return {
    always: linkColumns(activity.link, { kind: "adopted", eventId, changeKey, mailboxUserId: activity.ownerId }),
    expectEventId: null,
  };
}

/** An Outlook event imported as a new activity: linked and SYNCED from the start. */
export function imported(
  { eventId, changeKey, ownerId }: { eventId: string; changeKey: string; ownerId: string },
  now: Date,
): LinkColumns {
  return {
    ...linkColumns(null, { kind: "adopted", eventId, changeKey, mailboxUserId: ownerId }),
    syncState: "SYNCED",
    lastSyncedAt: now,
  };
}

/** Outlook's event changed and the CRM's later change is still to be pushed: only the change key moves on. */
export function seen(activity: ActivityAtRead, changeKey: string): LinkWrite {
  const next = nextLink(activity.link, { kind: "seen", changeKey });
  return { always: { changeKey: next.link!.changeKey! } };
}

/** Outlook's change applied to the activity (only if it did not change meanwhile): in step, SYNCED. */
export function tookOutlookChange(activity: ActivityAtRead, changeKey: string, now: Date): LinkWrite {
  const next = nextLink(activity.link, { kind: "seen", changeKey });
  return {
    always: {},
    ifUnchanged: {
      changeKey: next.link!.changeKey!,
      lastSyncedAt: now,
      syncState: "SYNCED",
      syncError: null,
      endsWait: true,
    },
  };
}

/**
 * Deleted in Outlook, found by the push (a PATCH answered 404) or by the pull (the event left the
 * delta and a GET answers 404), one rule for both: the link ends, and the activity as the sync read
 * it is cancelled if it was planned (by its owner, never erased) and shows SYNCED. A CRM change made
 * after the sync read the activity wins: only the link ends, and that change is pushed as a new event.
 * Nothing happens if the activity is linked to another event by then.
 */
export function deletedInOutlook(activity: ActivityAtRead, now: Date): LinkWrite {
  return {
    always: linkColumns(activity.link, { kind: "deleted-in-outlook" }),
    ifUnchanged: {
      ...(activity.status === "PLANNED" && { cancelledBy: activity.ownerId }),
      lastSyncedAt: now,
      syncState: "SYNCED",
      syncError: null,
      endsWait: true,
    },
    expectEventId: activity.link!.eventId,
  };
}

/** Outlook refused this version of the activity: FAILED with its reason, until the activity changes. */
export function refused(message: string, now: Date): LinkWrite {
  return {
    always: { syncError: message, lastSyncedAt: now, endsWait: true },
    ifUnchanged: { syncState: "FAILED" },
  };
}

/** Finished or cancelled before it ever reached Outlook: there is nothing to sync. */
export function nothingToSync(): LinkWrite {
  return { always: {}, ifUnchanged: { syncState: "NOT_SYNCED", syncError: null, endsWait: true } };
}

/** A change for Outlook is queued (in the transaction that saved it): PENDING, tried at once. */
export const QUEUED = { syncState: "PENDING", syncError: null, retryNow: true } as const satisfies LinkColumns;

/** The sync fields of an activity row, as the activities repository reads them. */
export interface SyncColumns {
  syncState: SyncState;
  graphEventId: string | null;
  syncError: string | null;
  lastSyncedAt: Date | null;
  syncWaitReason: NonNullable<Activity["sync"]["waiting"]>["reason"] | null;
  syncWaitingSince: Date | null;
  syncRetryAt: Date | null;
}

/** How an activity shows its sync: the state, its event, why it waits and since when. */
export function syncView(row: SyncColumns): Activity["sync"] {
  return {
    state: row.syncState,
    eventId: row.graphEventId,
    error: row.syncError,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    waiting:
      row.syncState === "PENDING" && row.syncWaitReason && row.syncWaitingSince
        ? {
            reason: row.syncWaitReason,
            since: row.syncWaitingSince.toISOString(),
            retryAt: row.syncRetryAt?.toISOString() ?? null,
          }
        : null,
  };
}

/** The same columns written on an in-memory row (what the transaction just wrote, for the answer). */
export function queuedRow<T extends SyncColumns>(row: T): T {
  return { ...row, syncState: QUEUED.syncState, syncError: QUEUED.syncError, syncRetryAt: null };
}
