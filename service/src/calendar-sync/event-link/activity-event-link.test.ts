import {
  type ActivityAtRead,
  type EventLink,
  type LinkEvent,
  LinkTransitionError,
  deletedInOutlook,
  movedToAnotherOwner,
  nextLink,
  outlookNeeds,
  pushed,
  queuedRow,
  removed,
  syncView,
} from "./activity-event-link";

const NOW = new Date("2026-12-01T10:00:00.000Z");
const ALICE = "11111111-1111-4111-8111-111111111111";
const BOB = "22222222-2222-4222-8222-222222222222";
const LINK: EventLink = { eventId: "AAMk-1", changeKey: "ck-1", mailboxUserId: ALICE };

const planned = (link: EventLink | null, ownerId = ALICE): ActivityAtRead => ({ ownerId, status: "PLANNED", link });

const EVENTS: LinkEvent[] = [
  { kind: "pushed", eventId: "AAMk-2", changeKey: "ck-2", mailboxUserId: ALICE },
  { kind: "adopted", eventId: "AAMk-2", changeKey: "ck-2", mailboxUserId: ALICE },
  { kind: "seen", changeKey: "ck-2" },
  { kind: "removed" },
  { kind: "moved-to-another-owner" },
  { kind: "deleted-in-outlook" },
];

describe("the activity ↔ Outlook event link", () => {
  it("allows exactly these transitions from each state", () => {
    const allowed = (link: EventLink | null) =>
      EVENTS.filter((event) => {
        try {
          nextLink(link, event);
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(LinkTransitionError);
          return false;
        }
      }).map((event) => event.kind);
    expect(allowed(null)).toEqual(["pushed", "adopted"]);
    expect(allowed(LINK)).toEqual(["pushed", "seen", "removed", "moved-to-another-owner", "deleted-in-outlook"]);
  });

  it("links on a push or an adoption, moves only the change key when seen, and keeps the generation", () => {
    expect(nextLink(null, EVENTS[0]!)).toEqual({
      link: { eventId: "AAMk-2", changeKey: "ck-2", mailboxUserId: ALICE },
      newGeneration: false,
    });
    expect(nextLink(LINK, { kind: "seen", changeKey: "ck-9" })).toEqual({
      link: { ...LINK, changeKey: "ck-9" },
      newGeneration: false,
    });
  });

  it("ends the link and its generation when removed, handed over or deleted in Outlook", () => {
    for (const kind of ["removed", "moved-to-another-owner", "deleted-in-outlook"] as const)
      expect(nextLink(LINK, { kind })).toEqual({ link: null, newGeneration: true });
  });

  it("says what Outlook needs for an activity as it is now", () => {
    expect(outlookNeeds(null, "PLANNED")).toBe("create");
    expect(outlookNeeds(null, "FINISHED")).toBe("nothing");
    expect(outlookNeeds(null, "CANCELLED")).toBe("nothing");
    expect(outlookNeeds(LINK, "PLANNED")).toBe("update");
    expect(outlookNeeds(LINK, "FINISHED")).toBe("update");
    expect(outlookNeeds(LINK, "CANCELLED")).toBe("remove");
  });

  it("links a pushed event in the owner's calendar and shows SYNCED only for the version pushed", () => {
    const handedToBob = planned(null, BOB);
    expect(pushed(handedToBob, { eventId: "AAMk-3", changeKey: "ck-3" }, NOW)).toEqual({
      always: {
        link: { eventId: "AAMk-3", changeKey: "ck-3", mailboxUserId: BOB },
        lastSyncedAt: NOW,
        syncError: null,
        endsWait: true,
      },
      ifUnchanged: { syncState: "SYNCED" },
    });
    expect(removed(planned(LINK), NOW)).toEqual({
      always: { link: null, newGeneration: true, lastSyncedAt: NOW, syncError: null, endsWait: true },
      ifUnchanged: { syncState: "SYNCED" },
    });
    expect(movedToAnotherOwner(planned(LINK, BOB))).toEqual({ always: { link: null, newGeneration: true } });
  });

  describe("deleted in Outlook, one rule for push and pull", () => {
    it("cancels a planned activity as read, by its owner, unless it changed since; the link ends in any case", () => {
      expect(deletedInOutlook(planned(LINK), NOW)).toEqual({
        always: { link: null, newGeneration: true },
        ifUnchanged: { cancelledBy: ALICE, lastSyncedAt: NOW, syncState: "SYNCED", syncError: null, endsWait: true },
        expectEventId: "AAMk-1",
      });
    });

    it("does not cancel what is already finished or cancelled", () => {
      for (const status of ["FINISHED", "CANCELLED"]) {
        const write = deletedInOutlook({ ownerId: ALICE, status, link: LINK }, NOW);
        expect(write.ifUnchanged).not.toHaveProperty("cancelledBy");
        expect(write.ifUnchanged).toMatchObject({ syncState: "SYNCED" });
      }
    });

    it("refuses an activity that has no event to be deleted", () => {
      expect(() => deletedInOutlook(planned(null), NOW)).toThrow(LinkTransitionError);
    });
  });

  it("shows why an activity waits only while it is PENDING, and the queued state as the outbox writes it", () => {
    const row = {
      syncState: "PENDING" as const,
      graphEventId: null,
      syncError: "Graph did not answer",
      lastSyncedAt: null,
      syncWaitReason: "UNREACHABLE" as const,
      syncWaitingSince: new Date("2026-12-01T09:00:00.000Z"),
      syncRetryAt: new Date("2026-12-01T09:05:00.000Z"),
    };
    expect(syncView(row)).toEqual({
      state: "PENDING",
      eventId: null,
      error: "Graph did not answer",
      lastSyncedAt: null,
      waiting: { reason: "UNREACHABLE", since: "2026-12-01T09:00:00.000Z", retryAt: "2026-12-01T09:05:00.000Z" },
    });
    expect(syncView({ ...row, syncState: "FAILED" }).waiting).toBeNull();
    // Queued again: tried at once, the wait's reason and start stay while Outlook is unreachable.
    expect(syncView(queuedRow({ ...row, syncState: "FAILED" }))).toEqual({
      state: "PENDING",
      eventId: null,
      error: null,
      lastSyncedAt: null,
      waiting: { reason: "UNREACHABLE", since: "2026-12-01T09:00:00.000Z", retryAt: null },
    });
  });
});
