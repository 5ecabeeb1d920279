import { createMailboxRepository } from "../../service/src/calendar-sync/subscriptions/mailbox.repository";
import { freePort } from "../support/service-process";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import {
  activityOf,
  anotherReplica,
  planActivity,
  startSyncService,
  syncNow,
  tokenOf,
  useGraphFake,
} from "./support/sync-harness";

// Change notifications end to end: the real service over HTTP, the Graph fake validating its
// notificationUrl and posting notifications to it, on both databases. The fake and the service
// share one clock, so a test can move both days ahead (renewal, expiry, the polling fallback).

const DAY = 86_400_000;
let offset = 0;
const clock = () => Date.now() + offset;

async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms = 5_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("not within time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(testBackends())("Graph change notifications on %s", (backend) => {
  const graph = useGraphFake({ now: clock });
  let service: TestService;
  let notificationUrl: string;
  const env = () => ({ SYNC_NOTIFICATION_URL: notificationUrl });

  beforeAll(async () => {
    const port = await freePort();
    notificationUrl = `http://127.0.0.1:${port}/api/graph/notifications`;
    service = await startSyncService(backend, { PORT: String(port), ...env() }, { now: () => new Date(clock()) });
  });
  afterAll(() => service.stop());
  afterEach(() => {
    offset = 0;
  });

  const sync = () => service.service.calendarSync;
  const prisma = () => service.service.db.prisma;
  const deltaReads = (token: string) =>
    graph.fake.log.filter((entry) => entry.mailbox === token && entry.path === "/me/calendarView/delta").length;

  /** A user whose calendar syncs, with a subscription made (and its first pull done). */
  async function subscribed(email: string) {
    const user = await service.as(email);
    const planned = await planActivity(user);
    await syncNow(user);
    await sync().maintainSubscriptions();
    const token = tokenOf(email);
    const [subscription] = graph.fake.notifications.subscriptions(token);
    if (!subscription) throw new Error("no subscription");
    await graph.fake.notifications.settled();
    await sync().runNotifiedPulls();
    const activity = await activityOf(user, planned.id);
    return { user, token, subscription, activity, userId: await user.id() };
  }

  it("subscribes each syncing user once, to their events, after Graph validated the URL", async () => {
    const { token, subscription, userId } = await subscribed("subscriber@contoso.com");
    expect(subscription).toMatchObject({
      resource: "me/events",
      changeType: "created,updated,deleted",
      notificationUrl,
      lifecycleNotificationUrl: notificationUrl,
    });
    // Under Graph's 10,080 minutes for events, and days ahead.
    const lifetime = Date.parse(subscription.expirationDateTime) - clock();
    expect(lifetime).toBeGreaterThan(6 * DAY);
    expect(lifetime).toBeLessThanOrEqual(10_080 * 60_000);
    expect(graph.fake.notifications.deliveries).toContainEqual(
      expect.objectContaining({ kind: "validation", url: notificationUrl, status: 200 }),
    );
    // A secret of its own, never stored as is.
    expect(subscription.clientState!.length).toBeGreaterThanOrEqual(40);
    const row = await prisma().calendarMailbox.findUniqueOrThrow({ where: { userId } });
    expect(row).toMatchObject({ subscriptionId: subscription.id, subscriptionState: "ACTIVE" });
    expect(row.clientStateHash).not.toContain(subscription.clientState);
    // Asked again (another round, another replica): still the one subscription.
    await sync().maintainSubscriptions();
    await anotherReplica(prisma(), {}, env()).maintainSubscriptions();
    expect(graph.fake.notifications.subscriptions(token)).toHaveLength(1);
  });

  it("moves the activity when it is moved in Outlook, without anyone pressing sync", async () => {
    const { user, token, activity } = await subscribed("notified-mover@contoso.com");
    const before = deltaReads(token);
    graph.fake.outlook.update(token, activity.sync.eventId, {
      start: { dateTime: "2026-12-04T15:00:00.0000000", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-12-04T16:00:00.0000000", timeZone: "Europe/Berlin" },
    });
    const moved = await eventually(async () => {
      const now = await activityOf(user, activity.id);
      return now.startsAt === "2026-12-04T14:00:00.000Z" && now;
    });
    expect(moved).toMatchObject({ endsAt: "2026-12-04T15:00:00.000Z", sync: { state: "SYNCED" } });
    expect(deltaReads(token) - before).toBe(1);
    expect(graph.fake.notifications.deliveries.filter((d) => d.kind === "change").at(-1)).toMatchObject({
      status: 202,
    });
  });

  it("answers Graph's validation request with the token, decoded, as text/plain", async () => {
    const token = "Validation: Testing client application reachability Request-Id: 1234";
    const response = await fetch(`${notificationUrl}?validationToken=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(token);
    const tooLong = await fetch(`${notificationUrl}?validationToken=${"x".repeat(1_025)}`, { method: "POST" });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.details[0].field).toBe("query.validationToken");
  });

  it("ignores notifications without the subscription's clientState, and bounds what it reads", async () => {
    const { token, subscription } = await subscribed("forged@contoso.com");
    const before = deltaReads(token);
    const post = (body: string, type = "application/json") =>
      fetch(notificationUrl, { method: "POST", headers: { "content-type": type }, body });
    const forged = (clientState?: string, subscriptionId = subscription.id) =>
      JSON.stringify({ value: [{ subscriptionId, clientState, changeType: "updated", resource: "Users/x/Events/y" }] });
    // Accepted as Graph expects (202), so a caller learns nothing, and nothing is pulled.
    expect((await post(forged("wrong-secret"))).status).toBe(202);
    expect((await post(forged(undefined))).status).toBe(202);
    expect((await post(forged(subscription.clientState!, "another-subscription"))).status).toBe(202);
    expect((await post(forged(subscription.clientState!.slice(0, -1)))).status).toBe(202);
    expect(await sync().runNotifiedPulls()).toBe(0);
    expect(deltaReads(token)).toBe(before);
    // Not a notification collection: refused, naming the field; too large or not JSON: refused unread.
    const bad = await post(JSON.stringify({ value: [{ clientState: "x" }] }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe("body.value.0.subscriptionId");
    expect((await post(JSON.stringify({ value: [] }))).status).toBe(400);
    const many = JSON.stringify({ value: Array.from({ length: 1_001 }, () => ({ subscriptionId: "s" })) });
    expect((await post(many)).status).toBe(400);
    expect((await post(JSON.stringify({ value: [{ subscriptionId: "x".repeat(300_000) }] }))).status).toBe(413);
    expect((await post("value=1", "text/plain")).status).toBe(415);
    expect((await post("{not json")).status).toBe(400);
    expect(deltaReads(token)).toBe(before);
  });

  it("pulls once for a burst of notifications, across two replicas", async () => {
    const { token, subscription, userId } = await subscribed("burst@contoso.com");
    const replica = anotherReplica(prisma(), {}, env());
    const before = deltaReads(token);
    // A pull of the user is under way elsewhere (its lock held) while ten notifications arrive, half
    // at each replica: none starts a second pull at once, all fold into one request.
    await prisma().calendarMailbox.update({ where: { userId }, data: { pullRequestedAt: new Date(clock()) } });
    const elsewhere = createMailboxRepository(prisma());
    const claim = (await elsewhere.claimPull(new Date(clock()), 60_000))!;
    const item = { subscriptionId: subscription.id, clientState: subscription.clientState!, changeType: "updated" };
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 === 0 ? sync() : replica).receiveNotifications([{ ...item, resource: `Users/x/Events/${index}` }]),
      ),
    );
    await Promise.all([sync().runNotifiedPulls(), replica.runNotifiedPulls()]);
    expect(deltaReads(token)).toBe(before);
    // That pull ends: the notifications that came meanwhile are due, and one pull answers all ten.
    await elsewhere.finishPull(userId, { seq: claim.seq, now: new Date(clock()) });
    const ran = await Promise.all([sync().runNotifiedPulls(), replica.runNotifiedPulls()]);
    expect(ran[0] + ran[1]).toBe(1);
    expect(deltaReads(token)).toBe(before + 1);
    expect(await prisma().calendarMailbox.findUniqueOrThrow({ where: { userId } })).toMatchObject({
      pullRequestedAt: null,
      pullLockedUntil: null,
    });
    await replica.stop();
  });

  it("loses no notified pull when the replica pulling is killed: another takes it after the lock", async () => {
    const { token, subscription, userId } = await subscribed("killed-puller@contoso.com");
    await sync().receiveNotifications([]);
    const before = deltaReads(token);
    // A replica takes the user's pull and dies before it ends (kill -9): its claim is all that is left.
    await prisma().calendarMailbox.update({ where: { userId }, data: { pullRequestedAt: new Date(clock()) } });
    const dying = createMailboxRepository(prisma());
    expect(await dying.claimPull(new Date(clock()), 60_000)).toMatchObject({ userId });
    expect(await sync().runNotifiedPulls()).toBe(0); // locked: nobody pulls twice at once
    expect(deltaReads(token)).toBe(before);
    offset = 61_000;
    expect(await sync().runNotifiedPulls()).toBe(1);
    expect(deltaReads(token)).toBe(before + 1);
    expect(await prisma().calendarMailbox.findUniqueOrThrow({ where: { userId } })).toMatchObject({
      pullRequestedAt: null,
      pullLockedUntil: null,
      subscriptionId: subscription.id,
    });
  });

  it("renews before expiry, and subscribes again once Graph has dropped it", async () => {
    const { token, subscription, userId } = await subscribed("renewer@contoso.com");
    const renewals = () =>
      graph.fake.log.filter((e) => e.mailbox === token && e.method === "PATCH" && e.path.startsWith("/subscriptions/"))
        .length;
    const before = renewals();
    // Two days in: nothing to do yet.
    offset = 2 * DAY;
    await sync().maintainSubscriptions();
    expect(renewals()).toBe(before);
    // Six days in, a day before it expires: renewed, the same subscription for another week.
    offset = 6 * DAY;
    await sync().maintainSubscriptions();
    expect(renewals()).toBe(before + 1);
    const [renewed] = graph.fake.notifications.subscriptions(token);
    expect(renewed!.id).toBe(subscription.id);
    expect(Date.parse(renewed!.expirationDateTime)).toBeGreaterThan(clock() + 6 * DAY);
    // Left to expire (the service was down for a week): the renewal's 404 makes a new one.
    offset = 14 * DAY;
    await sync().maintainSubscriptions();
    const [again] = graph.fake.notifications.subscriptions(token);
    expect(again!.id).not.toBe(subscription.id);
    expect(graph.fake.notifications.subscriptions(token)).toHaveLength(1);
    expect(await prisma().calendarMailbox.findUniqueOrThrow({ where: { userId } })).toMatchObject({
      subscriptionId: again!.id,
      subscriptionState: "ACTIVE",
    });
  });

  it("handles lifecycle notifications: reauthorisation renews, missed pulls, removed subscribes again", async () => {
    const { token, subscription, userId } = await subscribed("lifecycle@contoso.com");
    const renewals = () =>
      graph.fake.log.filter((e) => e.mailbox === token && e.method === "PATCH" && e.path.startsWith("/subscriptions/"))
        .length;

    const renewedBefore = renewals();
    graph.fake.notifications.lifecycle(token, "reauthorizationRequired");
    await eventually(() => renewals() > renewedBefore);
    await eventually(() => graph.fake.notifications.subscriptions(token)[0]?.needsReauthorization === false);

    const pullsBefore = deltaReads(token);
    graph.fake.notifications.lifecycle(token, "missed");
    await eventually(() => deltaReads(token) > pullsBefore);

    const beforeRemoval = deltaReads(token);
    graph.fake.notifications.lifecycle(token, "subscriptionRemoved");
    const [fresh] = await eventually(() => {
      const live = graph.fake.notifications.subscriptions(token);
      return live.length === 1 && live[0]!.id !== subscription.id && live;
    });
    await eventually(() => deltaReads(token) > beforeRemoval);
    await eventually(
      async () =>
        (await prisma().calendarMailbox.findUniqueOrThrow({ where: { userId } })).subscriptionId === fresh!.id,
    );
    // The old subscription's clientState no longer counts.
    await graph.fake.notifications.settled();
    await sync().runNotifiedPulls();
    const after = deltaReads(token);
    await sync().receiveNotifications([{ subscriptionId: subscription.id, clientState: subscription.clientState! }]);
    expect((await prisma().calendarMailbox.findUniqueOrThrow({ where: { userId } })).pullRequestedAt).toBeNull();
    await sync().runNotifiedPulls();
    expect(deltaReads(token)).toBe(after);
  });

  it("shows the subscription in the sync health, and a failed one as the last error", async () => {
    const { user, token, activity, subscription } = await subscribed("health-notified@contoso.com");
    graph.fake.outlook.update(token, activity.sync.eventId, { subject: "Renamed in Outlook" });
    await eventually(async () => (await activityOf(user, activity.id)).subject === "Renamed in Outlook");
    const mine = (await user.get("/api/sync/health/me")).body;
    expect(mine).toMatchObject({
      notifications: true,
      health: {
        subscription: { state: "ACTIVE", expiresAt: subscription.expirationDateTime },
        lastError: null,
      },
    });
    expect(Date.parse(mine.health.subscription.lastNotificationAt)).toBeGreaterThan(clock() - 60_000);

    // A replica whose notification URL Graph cannot validate: the subscription fails, polling goes on.
    const other = await service.as("health-unvalidated@contoso.com");
    await planActivity(other);
    await syncNow(other);
    const deadPort = await freePort();
    const broken = anotherReplica(
      prisma(),
      {},
      { SYNC_NOTIFICATION_URL: `http://127.0.0.1:${deadPort}/api/graph/notifications` },
    );
    await broken.maintainSubscriptions();
    await broken.stop();
    expect(graph.fake.notifications.subscriptions(tokenOf("health-unvalidated@contoso.com"))).toEqual([]);
    expect((await other.get("/api/sync/health/me")).body.health).toMatchObject({
      subscription: { state: "FAILED", expiresAt: null },
      lastError: { source: "SUBSCRIPTION", message: expect.stringMatching(/validation/i) },
    });
  });

  it("keeps polling as the fallback, at the longer interval for users with a subscription", async () => {
    const { token } = await subscribed("fallback@contoso.com");
    const before = deltaReads(token);
    await sync().runAll();
    expect(deltaReads(token)).toBe(before);
    // Past SYNC_FALLBACK_INTERVAL_MS (15 minutes) since the last pull: polled again.
    offset = 16 * 60_000;
    await sync().runAll();
    expect(deltaReads(token)).toBe(before + 1);
  });
});

// Rate: the endpoint sits behind the per-address limit like the rest of /api (Graph comes from few
// addresses; a flood from one is cut off before its body is read).
describe("the notification endpoint under the per-address limit", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startSyncService("pglite", { RATE_LIMIT_PER_ADDRESS: "3" });
  });
  afterAll(() => service.stop());

  it("answers 429 with Retry-After once an address has sent its share", async () => {
    const post = () =>
      fetch(`${service.url}/api/graph/notifications`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ value: [{ subscriptionId: "s", clientState: "x" }] }),
      });
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await post()).status);
    expect(statuses).toEqual([202, 202, 202]);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
