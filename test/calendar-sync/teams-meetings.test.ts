import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { activityOf, planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";

// A meeting that asks for Teams: Graph makes the online meeting and the join link comes back to the
// activity, on push and on pull. Each test has its own user, so its mailbox is its own.
describe.each(testBackends())("Teams meetings on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend);
  });
  afterAll(() => service.stop());

  const eventOf = (email: string, eventId: string) =>
    graph.fake.events(tokenOf(email)).find((event) => event.id === eventId)!;

  it("asks Outlook for a Teams meeting and shows the join link Graph made", async () => {
    const user = await service.as("teams-maker@contoso.com");
    const planned = await planActivity(user, { onlineMeeting: true });
    expect(planned.onlineMeeting).toEqual({ requested: true, joinUrl: null, unavailable: false });
    await syncNow(user);
    const synced = await activityOf(user, planned.id);
    const event = eventOf("teams-maker@contoso.com", synced.sync.eventId);
    expect(event).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: "teamsForBusiness" });
    expect(synced.onlineMeeting).toEqual({
      requested: true,
      joinUrl: event.onlineMeeting!.joinUrl,
      unavailable: false,
    });
    expect(synced.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    // A later edit keeps the same meeting and link.
    await user.patch(`/api/activities/${planned.id}`, { version: synced.version, subject: "Moved agenda" });
    await syncNow(user);
    const edited = await activityOf(user, planned.id);
    expect(edited).toMatchObject({ subject: "Moved agenda", sync: { state: "SYNCED" } });
    expect(edited.onlineMeeting.joinUrl).toBe(synced.onlineMeeting.joinUrl);
    expect(eventOf("teams-maker@contoso.com", synced.sync.eventId).onlineMeeting!.joinUrl).toBe(
      synced.onlineMeeting.joinUrl,
    );
  });

  it("sends nothing about online meetings for an activity that does not ask", async () => {
    const user = await service.as("teams-none@contoso.com");
    const planned = await planActivity(user);
    await syncNow(user);
    const synced = await activityOf(user, planned.id);
    expect(synced.onlineMeeting).toEqual({ requested: false, joinUrl: null, unavailable: false });
    expect(eventOf("teams-none@contoso.com", synced.sync.eventId)).toMatchObject({ isOnlineMeeting: false });
  });

  it("refuses Teams for anything but a meeting, and turning a made one off, naming the field", async () => {
    const user = await service.as("teams-rules@contoso.com");
    const call = await user.post("/api/activities", {
      type: "CALL",
      subject: "Call",
      startsAt: "2026-12-03T09:00:00.000Z",
      timeZone: "Europe/Berlin",
      onlineMeeting: true,
    });
    expect(call.status).toBe(400);
    expect(JSON.stringify(call.body)).toContain("body.onlineMeeting");
    await syncNow(user);
    expect(graph.fake.events(tokenOf("teams-rules@contoso.com"))).toEqual([]);

    const planned = await planActivity(user, { onlineMeeting: true });
    await syncNow(user);
    const made = await activityOf(user, planned.id);
    const off = await user.patch(`/api/activities/${planned.id}`, { version: made.version, onlineMeeting: false });
    expect(off.status).toBe(400);
    expect(JSON.stringify(off.body)).toContain("body.onlineMeeting");
    const retyped = await user.patch(`/api/activities/${planned.id}`, { version: made.version, type: "VISIT" });
    expect(retyped.status).toBe(400);
    expect(JSON.stringify(retyped.body)).toContain("body.type");
    expect(await activityOf(user, planned.id)).toMatchObject({ version: made.version, type: "MEETING" });
  });

  it("says Teams is not available when the calendar allows no online meeting provider", async () => {
    const email = "teams-unavailable@contoso.com";
    graph.fake.mailbox(tokenOf(email)).allowedOnlineMeetingProviders = [];
    const user = await service.as(email);
    const planned = await planActivity(user, { onlineMeeting: true });
    await syncNow(user);
    const synced = await activityOf(user, planned.id);
    expect(synced.sync.state).toBe("SYNCED");
    expect(synced.onlineMeeting).toEqual({ requested: true, joinUrl: null, unavailable: true });
    expect(eventOf(email, synced.sync.eventId)).toMatchObject({ isOnlineMeeting: false, onlineMeeting: null });
  });

  it("takes a Teams meeting added in Outlook, with its link, on the next pull", async () => {
    const email = "teams-from-outlook@contoso.com";
    const user = await service.as(email);
    const planned = await planActivity(user);
    await syncNow(user);
    const synced = await activityOf(user, planned.id);
    const joinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_outlook%40thread.v2/0";
    graph.fake.outlook.update(tokenOf(email), synced.sync.eventId, {
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      onlineMeeting: { joinUrl },
    });
    expect((await syncNow(user)).pull.updated).toBe(1);
    expect((await activityOf(user, planned.id)).onlineMeeting).toEqual({
      requested: true,
      joinUrl,
      unavailable: false,
    });
  });

  it("never stores a join link that is not https", async () => {
    const email = "teams-hostile@contoso.com";
    const user = await service.as(email);
    const planned = await planActivity(user);
    await syncNow(user);
    const synced = await activityOf(user, planned.id);
    graph.fake.outlook.update(tokenOf(email), synced.sync.eventId, {
      subject: "Hostile",
      isOnlineMeeting: true,
      onlineMeeting: { joinUrl: "javascript:alert(document.domain)" },
    });
    await syncNow(user);
    expect(await activityOf(user, planned.id)).toMatchObject({
      subject: "Hostile",
      onlineMeeting: { requested: false, joinUrl: null },
    });
  });
});
