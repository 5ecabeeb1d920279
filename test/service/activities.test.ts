import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

describe.each(testBackends())("activities, templates and reminders on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
  });
  afterAll(() => service.stop());

  const plan = (client: ApiClient, body: Record<string, unknown>) =>
    client.post("/api/activities", { type: "CALL", subject: "Call", timeZone: "Europe/Berlin", ...body });

  it("fills type, subject, duration and reminder from a template", async () => {
    const template = await manager.post("/api/templates", {
      name: unique("Customer visit"),
      type: "VISIT",
      subject: "Visit at customer site",
      durationMinutes: 90,
      reminderMinutesBefore: 60,
    });
    expect(template.status).toBe(201);
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const created = await alice.post("/api/activities", {
      templateId: template.body.id,
      contactId: contact.id,
      startsAt: "2027-03-01T09:00:00+01:00",
      timeZone: "Europe/Berlin",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: "VISIT",
      subject: "Visit at customer site",
      startsAt: "2027-03-01T08:00:00.000Z",
      endsAt: "2027-03-01T09:30:00.000Z",
      reminderMinutesBefore: 60,
      status: "PLANNED",
      customerId: customer.id,
      contactId: contact.id,
      owner: { email: "alice@contoso.com" },
      sync: { state: expect.any(String), eventId: null },
    });
  });

  it("moves, finishes and cancels, keeping the duration and the version check", async () => {
    const customer = await createCustomer(alice);
    const activity = (
      await plan(alice, { customerId: customer.id, startsAt: "2027-01-10T10:00:00Z", endsAt: "2027-01-10T10:30:00Z" })
    ).body;
    const moved = await alice.patch(`/api/activities/${activity.id}`, { version: 1, startsAt: "2027-01-11T14:00:00Z" });
    expect(moved.body).toMatchObject({
      startsAt: "2027-01-11T14:00:00.000Z",
      endsAt: "2027-01-11T14:30:00.000Z",
      version: 2,
    });
    const finished = await alice.patch(`/api/activities/${activity.id}`, { version: 2, status: "FINISHED" });
    expect(finished.body.status).toBe("FINISHED");
    expect(finished.body.finishedAt).not.toBeNull();
    const stale = await alice.patch(`/api/activities/${activity.id}`, { version: 2, status: "CANCELLED" });
    expect(stale.status).toBe(409);
    const record = await alice.get(`/api/customers/${customer.id}`);
    expect(record.body.activities.history.map((a: { id: string }) => a.id)).toEqual([activity.id]);
    expect(record.body.activities.future).toEqual([]);
  });

  it("lets only the owner, a manager or an admin change an activity", async () => {
    const activity = (await plan(alice, { startsAt: "2027-01-10T10:00:00Z" })).body;
    const byColleague = await ben.patch(`/api/activities/${activity.id}`, { version: 1, subject: "Hijacked" });
    expect(byColleague.status).toBe(403);
    const byManager = await manager.patch(`/api/activities/${activity.id}`, {
      version: 1,
      subject: "Rescheduled by Maria",
    });
    expect(byManager.status).toBe(200);
    expect((await alice.get(`/api/activities/${activity.id}`)).body.subject).toBe("Rescheduled by Maria");
  });

  it("filters future, history and finished ones", async () => {
    const customer = await createCustomer(alice);
    await plan(alice, { customerId: customer.id, subject: "Planned", startsAt: "2027-02-01T09:00:00Z" });
    await plan(alice, {
      customerId: customer.id,
      subject: "Done",
      startsAt: "2026-02-01T09:00:00Z",
      status: "FINISHED",
    });
    await plan(alice, {
      customerId: customer.id,
      subject: "Dropped",
      startsAt: "2026-03-01T09:00:00Z",
      status: "CANCELLED",
    });
    const subjects = async (query: string) =>
      (await alice.get(`/api/activities?customerId=${customer.id}&${query}`)).body.items.map(
        (a: { subject: string }) => a.subject,
      );
    expect(await subjects("when=future")).toEqual(["Planned"]);
    expect(await subjects("when=history")).toEqual(["Dropped", "Done"]);
    expect(await subjects("when=all&showFinished=false")).toEqual(["Planned"]);
    expect(await subjects("when=all")).toEqual(["Done", "Dropped", "Planned"]);
  });

  it("lists the caller's planned activities due by a day in the caller's time zone", async () => {
    const email = `${unique("rem")}@contoso.com`;
    const me = await service.as(email);
    await me.patch("/api/me", { timeZone: "Europe/Berlin" });
    // 23:30 in Berlin on 14 March is 22:30 UTC: due on the 14th there, though UTC says the same day too.
    await plan(me, { subject: "Late on the 14th", startsAt: "2027-03-14T22:30:00Z" });
    // 00:30 in Berlin on the 15th is still the 14th in UTC: not due by the 14th in Berlin.
    await plan(me, { subject: "Early on the 15th", startsAt: "2027-03-14T23:30:00Z" });
    await plan(me, { subject: "Finished", startsAt: "2027-03-01T08:00:00Z", status: "FINISHED" });
    await plan(alice, { subject: "Someone else's", startsAt: "2027-03-01T08:00:00Z" });
    const due = await me.get("/api/reminders?until=2027-03-14");
    expect(due.status).toBe(200);
    expect(due.body.until).toBe("2027-03-14");
    expect(due.body.items.map((a: { subject: string }) => a.subject)).toEqual(["Late on the 14th"]);
    const inTokyo = await me.get("/api/reminders?until=2027-03-14&timeZone=Asia/Tokyo");
    expect(inTokyo.body.items).toEqual([]);
    const badDay = await me.get("/api/reminders?until=14.03.2027");
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.details[0].field).toBe("query.until");
  });

  it("finds customers with due reminders of the caller", async () => {
    const email = `${unique("due")}@contoso.com`;
    const me = await service.as(email);
    const withDue = await createCustomer(me, { name: "Overdue GmbH" });
    const withoutDue = await createCustomer(me, { name: "Later GmbH" });
    await plan(me, { customerId: withDue.id, startsAt: new Date(Date.now() - 86_400_000).toISOString() });
    await plan(me, { customerId: withoutDue.id, startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const list = await me.get("/api/customers?reminders=due");
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(["Overdue GmbH"]);
  });

  it("validates: end before start, unknown zone, missing type without template, unknown template", async () => {
    const before = await plan(alice, { startsAt: "2027-01-10T10:00:00Z", endsAt: "2027-01-10T09:00:00Z" });
    expect(before.body.error.details[0].field).toBe("body.endsAt");
    const zone = await plan(alice, { startsAt: "2027-01-10T10:00:00Z", timeZone: "Mars/Olympus" });
    expect(zone.body.error.details[0].field).toBe("body.timeZone");
    const noType = await alice.post("/api/activities", {
      subject: "x",
      startsAt: "2027-01-10T10:00:00Z",
      timeZone: "UTC",
    });
    expect(noType.body.error.details[0].field).toBe("body.type");
    const unknownTemplate = await alice.post("/api/activities", {
      templateId: "00000000-0000-4000-8000-000000000000",
      startsAt: "2027-01-10T10:00:00Z",
      timeZone: "UTC",
    });
    expect(unknownTemplate.status).toBe(404);
    expect(unknownTemplate.body.error.details[0].field).toBe("body.templateId");
  });

  it("keeps templates for managers and admins", async () => {
    const bySalesman = await alice.post("/api/templates", { name: unique("t"), type: "CALL", subject: "x" });
    expect(bySalesman.status).toBe(403);
    expect(bySalesman.body.error.code).toBe("forbidden");
    expect((await alice.get("/api/templates")).status).toBe(200);
  });
});
