/* eslint-disable @typescript-eslint/no-explicit-any -- the suite reads API answers as JSON */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../service/src/config";
import { type RunningService, startService } from "../../service/src/server";
import type { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const lines = [{ item: "INFUSION-PUMP", description: "Infusion pump, demo unit", quantity: "2", unitPrice: "0" }];

// Loaner orders over HTTP: the due-back day, the return that closes them, and the overdue reminder
// task the job plans once. Time passing is simulated by moving a loaner's days back in the database.
describe.each(testBackends())("loaner orders on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let bob: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    // The job runs only when a test runs it: rounds are counted.
    service = await startTestService(backend, {}, { loanerReminders: { autoStart: false } });
    alice = await service.as("alice@contoso.com");
    bob = await service.as("bob@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
  });
  afterAll(() => service.stop());

  /** A customer with status 1, released and approved, alice its salesman. */
  async function activeCustomer() {
    const customer = await createCustomer(alice);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    return (await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 })).body.customer;
  }

  async function loaner(customerId: string, dueBackOn = day(14), client = alice) {
    const made = await client.post("/api/orders", {
      customerId,
      type: "LOANER",
      title: "Infusion pumps for the ward trial",
      dueBackOn,
      lines,
    });
    expect(made.status).toBe(201);
    return made.body;
  }

  /** As if the loaner had been lent `lentDaysAgo` days ago and was due back `dueDaysAgo` days ago. */
  async function age(orderId: string, dueDaysAgo: number, lentDaysAgo = dueDaysAgo + 7) {
    await service.db.prisma.salesOrder.update({
      where: { id: orderId },
      data: {
        dueBackOn: new Date(`${day(-dueDaysAgo)}T00:00:00Z`),
        createdAt: new Date(Date.now() - lentDaysAgo * DAY_MS),
      },
    });
  }

  const tasksOf = async (customerId: string) =>
    ((await alice.get(`/api/activities?customerId=${customerId}`)).body.items as any[]).filter(
      (activity) => activity.type === "TASK",
    );

  it("makes a loaner with a due-back date, refusing a missing or past one and one on a standard order", async () => {
    const customer = await activeCustomer();
    const refused = async (body: Record<string, unknown>) => {
      const answer = await alice.post("/api/orders", { customerId: customer.id, lines, ...body });
      expect(answer.status).toBe(400);
      return answer.body.error.details;
    };
    expect(await refused({ type: "LOANER" })).toEqual([
      { field: "body.dueBackOn", message: "a loaner order needs a due-back date" },
    ]);
    expect((await refused({ type: "LOANER", dueBackOn: day(-1) }))[0].field).toBe("body.dueBackOn");
    expect(await refused({ dueBackOn: day(3) })).toEqual([
      { field: "body.dueBackOn", message: "only a loaner order has a due-back date" },
    ]);
    expect((await refused({ type: "RENTAL", dueBackOn: day(3) }))[0].field).toBe("body.type");

    const made = await loaner(customer.id, day(0));
    expect(made).toMatchObject({ type: "LOANER", dueBackOn: day(0), status: "OPEN", loanerReturn: null });
    const standard = await alice.post("/api/orders", { customerId: customer.id, lines });
    expect(standard.body).toMatchObject({ type: "STANDARD", dueBackOn: null, loanerReturn: null });

    // Moving the due day: on a loaner, not before the day it was made; never on a standard order.
    const moved = await alice.patch(`/api/orders/${made.id}`, { version: 1, dueBackOn: day(21) });
    expect(moved.body).toMatchObject({ dueBackOn: day(21), version: 2 });
    const back = await alice.patch(`/api/orders/${made.id}`, { version: 2, dueBackOn: day(-1) });
    expect(back.body.error.details[0].field).toBe("body.dueBackOn");
    const onStandard = await alice.patch(`/api/orders/${standard.body.id}`, { version: 1, dueBackOn: day(5) });
    expect(onStandard.status).toBe(400);
    // A loaner comes back through its return, not a plain close.
    const closed = await alice.patch(`/api/orders/${made.id}`, { version: 2, status: "CLOSED" });
    expect(closed.status).toBe(409);
    expect(closed.body.error.details[0].field).toBe("body.status");
  });

  it("returns a loaner once: closes the order, answers a second return the same, refuses others", async () => {
    const customer = await activeCustomer();
    const made = await loaner(customer.id);
    const record = await alice.get(`/api/customers/${customer.id}`);
    expect(record.body.openLoaners).toEqual([
      { id: made.id, number: made.number, title: made.title, dueBackOn: day(14), overdue: false },
    ]);

    // bob is no salesman of this customer and did not make the loaner.
    const stranger = await bob.post(`/api/orders/${made.id}/return`, { returnedOn: day(0) });
    expect(stranger.status).toBe(403);
    const future = await alice.post(`/api/orders/${made.id}/return`, { returnedOn: day(1) });
    expect(future.body.error.details).toEqual([{ field: "body.returnedOn", message: "must not be in the future" }]);
    const beforeLent = await alice.post(`/api/orders/${made.id}/return`, { returnedOn: day(-1) });
    expect(beforeLent.body.error.details[0].field).toBe("body.returnedOn");

    const returned = await alice.post(`/api/orders/${made.id}/return`, {
      returnedOn: day(0),
      remark: "  One hose missing  ",
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      orderId: made.id,
      status: "CLOSED",
      version: 2,
      loanerReturn: { returnedOn: day(0), remark: "One hose missing", returnedBy: { email: "alice@contoso.com" } },
      reminder: null,
    });
    const again = await alice.post(`/api/orders/${made.id}/return`, { returnedOn: day(0), remark: "again" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(returned.body);
    const order = await alice.get(`/api/orders/${made.id}`);
    expect(order.body).toMatchObject({ status: "CLOSED", version: 2, loanerReturn: returned.body.loanerReturn });
    expect((await alice.get(`/api/customers/${customer.id}`)).body.openLoaners).toEqual([]);
    expect(await service.db.prisma.loanerReturn.count({ where: { orderId: made.id } })).toBe(1);

    const standard = await alice.post("/api/orders", { customerId: customer.id, lines });
    const notLoaner = await alice.post(`/api/orders/${standard.body.id}/return`, { returnedOn: day(0) });
    expect(notLoaner.status).toBe(409);
    expect(notLoaner.body.error.details[0].field).toBe("type");
    const cancelled = await loaner(customer.id);
    await alice.patch(`/api/orders/${cancelled.id}`, { version: 1, status: "CANCELLED" });
    const onCancelled = await alice.post(`/api/orders/${cancelled.id}/return`, { returnedOn: day(0) });
    expect(onCancelled.status).toBe(409);
    expect(onCancelled.body.error.details[0].field).toBe("status");
    expect((await alice.post(`/api/orders/${UNKNOWN}/return`, { returnedOn: day(0) })).status).toBe(404);
  });

  it("plans one overdue TASK for the salesman however often the job runs, and finishes it on a late return", async () => {
    const customer = await activeCustomer();
    // A manager lends it; alice looks after the customer, so the reminder is hers.
    const made = await loaner(customer.id, day(7), manager);
    const dueToday = await loaner(customer.id, day(0));
    await age(made.id, 3);
    const record = await alice.get(`/api/customers/${customer.id}`);
    expect(record.body.openLoaners.map((l: any) => [l.id, l.overdue])).toEqual([
      [made.id, true],
      [dueToday.id, false],
    ]);

    const rounds = await Promise.all([
      service.service.loanerReminders.runOnce(),
      service.service.loanerReminders.runOnce(),
    ]);
    expect(rounds.reduce((sum, round) => sum + round.planned, 0)).toBe(1);
    expect((await service.service.loanerReminders.runOnce()).planned).toBe(0);
    const tasks = await tasksOf(customer.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      subject: `Loaner SO-${made.number} overdue`,
      status: "PLANNED",
      owner: { email: "alice@contoso.com" },
      reminderMinutesBefore: 15,
    });
    // Its morning after the due day has passed: planned for the next quarter hour, so it reminds today.
    expect(Date.parse(tasks[0].startsAt) % (15 * 60_000)).toBe(0);
    expect(Date.parse(tasks[0].startsAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const reminders = await alice.get(`/api/reminders?until=${day(1)}`);
    expect(reminders.body.items.map((a: any) => a.id)).toContain(tasks[0].id);

    const returned = await alice.post(`/api/orders/${made.id}/return`, { returnedOn: day(0) });
    expect(returned.body.reminder).toEqual({ activityId: tasks[0].id, status: "FINISHED" });
    const finished = (await alice.get(`/api/activities/${tasks[0].id}`)).body;
    expect(finished).toMatchObject({ status: "FINISHED", outcome: expect.stringContaining(`Returned on ${day(0)}`) });
    expect((await service.service.loanerReminders.runOnce()).planned).toBe(0);
  });

  it("cancels the reminder of a loaner returned by its due day or cancelled", async () => {
    const customer = await activeCustomer();
    const backInTime = await loaner(customer.id);
    const dropped = await loaner(customer.id);
    await age(backInTime.id, 2, 10);
    await age(dropped.id, 2, 10);
    expect((await service.service.loanerReminders.runOnce()).planned).toBe(2);
    // It came back on its due day; the return is recorded late.
    const returned = await alice.post(`/api/orders/${backInTime.id}/return`, { returnedOn: day(-2) });
    expect(returned.body.reminder.status).toBe("CANCELLED");
    await alice.patch(`/api/orders/${dropped.id}`, { version: 1, status: "CANCELLED" });
    expect(await service.service.loanerReminders.runOnce()).toEqual({ planned: 0, cancelled: 1 });
    expect((await tasksOf(customer.id)).map((task) => task.status)).toEqual(["CANCELLED", "CANCELLED"]);
  });
});

// Two service processes' jobs on one PostgreSQL database: PGlite is one process's database.
const onPostgres = testBackends().includes("postgres") ? describe : describe.skip;
onPostgres("loaner reminders with two service instances on one PostgreSQL database", () => {
  let first: TestService;
  let second: RunningService;
  let secondDir: string;

  beforeAll(async () => {
    first = await startTestService("postgres", {}, { loanerReminders: { autoStart: false } });
    secondDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-loaner-replica-"));
    second = await startService(
      loadConfig({ PORT: "0", SEED: "none", DATA_DIR: secondDir, DATABASE_URL: first.databaseUrl! }),
      { loanerReminders: { autoStart: false } },
    );
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
    fs.rmSync(secondDir, { recursive: true, force: true });
  });

  it("plans each overdue loaner's reminder once when both run their rounds at the same moment", async () => {
    const alice = await first.as("alice@contoso.com");
    const manager = await first.as("maria@contoso.com", "MANAGER");
    const customer = await createCustomer(alice);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 });
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      const made = await alice.post("/api/orders", {
        customerId: customer.id,
        type: "LOANER",
        dueBackOn: day(5),
        lines,
      });
      ids.push(made.body.id);
    }
    await first.db.prisma.salesOrder.updateMany({
      where: { id: { in: ids } },
      data: { dueBackOn: new Date(`${day(-1)}T00:00:00Z`), createdAt: new Date(Date.now() - 9 * DAY_MS) },
    });
    const rounds = await Promise.all([
      first.service.loanerReminders.runOnce(),
      second.loanerReminders.runOnce(),
      first.service.loanerReminders.runOnce(),
      second.loanerReminders.runOnce(),
    ]);
    expect(rounds.reduce((sum, round) => sum + round.planned, 0)).toBe(6);
    const tasks = await first.db.prisma.activity.groupBy({
      by: ["subject"],
      where: { customerId: customer.id, type: "TASK" },
      _count: true,
    });
    expect(tasks).toHaveLength(6);
    expect(tasks.every((task) => task._count === 1)).toBe(true);
  });
});
