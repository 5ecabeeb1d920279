/* eslint-disable @typescript-eslint/no-explicit-any -- the suite reads API answers as JSON */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setupServer } from "msw/node";
import { type GraphFakeServer, startGraphFakeServer } from "../../demo/graph-fake/fake-graph.server";
import { createGraphMailFake } from "../../demo/graph-fake/mail/fake-mail.handler";
import { graphMailFakeHandlers } from "../../demo/graph-fake/mail/fake-mail.msw";
import { loadConfig } from "../../service/src/config";
import { createTrackedConversationsRepository } from "../../service/src/features/tracked-conversations/tracked-conversations.repository";
import { type RunningService, startService } from "../../service/src/server";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer } from "../support/fixtures";
import { type ServiceProcess, spawnService } from "../support/service-process";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// Tracked conversations with several service replicas on one PostgreSQL database: a replica leases a
// mailbox folder (FOR UPDATE SKIP LOCKED, as the log-on-send intents and the calendar outbox) before
// it reads its delta, so no two read the same delta and race, and a killed holder's folders are taken
// over once its lease runs out. PGlite is one process's database: there is nothing to share there.
const onPostgres = testBackends().includes("postgres") ? describe : describe.skip;
const tokenOf = (email: string) => `fake-${email}`;
const TEAM = ["alice@contoso.com", "ben@contoso.com", "carla@contoso.com", "dan@contoso.com"];

/** A customer whose contact writes to `email`, and the conversation `email` tracks for it. */
async function trackConversation(
  client: ApiClient,
  email: string,
  receive: (input: any) => { conversationId: string },
  tick: () => void,
) {
  const customer = await createCustomer(client);
  const contact = await createContact(client, { customerId: customer.id });
  const buyer = contact.emails[0] as string;
  const first = receive({ from: { address: buyer }, to: [{ address: email }], subject: "Pump order" });
  tick();
  const tracked = await client.post("/api/tracked-conversations", {
    conversationId: first.conversationId,
    customerId: customer.id,
    contactId: contact.id,
    subject: "Pump order",
  });
  expect(tracked.status).toBe(201);
  return { customer, buyer, conversationId: first.conversationId };
}

onPostgres("tracked conversations across two service instances on one PostgreSQL database", () => {
  const GRAPH_BASE_URL = "https://graph.fake.test/v1.0";
  let clock = Date.parse("2026-12-18T09:00:00Z");
  const mail = createGraphMailFake({ baseUrl: GRAPH_BASE_URL, now: () => clock });
  const graph = setupServer(...graphMailFakeHandlers(mail, GRAPH_BASE_URL));
  const env = { GRAPH_BASE_URL, GRAPH_STATIC_TOKEN: "fake-{user}", SYNC_INTERVAL_MS: "0", GRAPH_TIMEOUT_MS: "5000" };
  const overrides = { tracking: { now: () => new Date(clock), autoStart: false }, logOnSend: { autoStart: false } };
  let first: TestService;
  let second: RunningService;
  let secondDir: string;

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: "bypass" });
    first = await startTestService("postgres", env, overrides);
    secondDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-tracking-replica-"));
    second = await startService(
      loadConfig({ ...env, PORT: "0", SEED: "none", DATA_DIR: secondDir, DATABASE_URL: first.databaseUrl! }),
      overrides,
    );
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
    fs.rmSync(secondDir, { recursive: true, force: true });
    graph.close();
  });

  const receive = (email: string) => (input: any) => mail.outlook.receive(tokenOf(email), input);
  const tick = () => (clock += 1_000);
  const logOf = async (client: ApiClient, customerId: string) =>
    (await client.get(`/api/customers/${customerId}/email-log?limit=200`)).body.items as any[];

  it("logs each tracked message exactly once while both run their rounds at the same moment, and no page is read twice", async () => {
    const clients = await Promise.all(TEAM.map((email) => first.as(email)));
    const tracked = [];
    for (const [index, email] of TEAM.entries())
      tracked.push(await trackConversation(clients[index]!, email, receive(email), tick));
    // 60 replies in each Inbox (two pages of 50) and 5 answers in each Sent Items, in the tracked conversation.
    const expected = new Map<string, Set<string>>();
    for (const [index, email] of TEAM.entries()) {
      const { customer, buyer, conversationId } = tracked[index]!;
      const ids = new Set<string>();
      for (let reply = 0; reply < 60; reply++)
        ids.add(
          mail.outlook.receive(tokenOf(email), {
            from: { address: buyer },
            to: [{ address: email }],
            subject: `RE: Pump order ${reply}`,
            conversationId,
          }).internetMessageId,
        );
      for (let answer = 0; answer < 5; answer++)
        ids.add(
          mail.outlook.send(tokenOf(email), {
            from: { address: email },
            to: [{ address: buyer }],
            subject: `RE: RE: Pump order ${answer}`,
            conversationId,
          }).internetMessageId,
        );
      expected.set(customer.id, ids);
    }
    mail.log.length = 0;

    for (let round = 0; round < 3; round++) {
      clock += 60_000;
      const reports = await Promise.all([first.service.tracking.runOnce(), second.tracking.runOnce()]);
      if (round === 0) {
        // Between them they logged everything in the first round, each message by one of them.
        expect(reports[0].logged + reports[1].logged).toBe(4 * 65);
        expect(reports[0].already + reports[1].already).toBe(0);
      } else expect(reports.map((report) => report.logged)).toEqual([0, 0]);
    }
    for (const [index] of TEAM.entries()) {
      const { customer } = tracked[index]!;
      const log = await logOf(clients[index]!, customer.id);
      expect(log).toHaveLength(65);
      expect(new Set(log.map((entry) => entry.internetMessageId))).toEqual(expected.get(customer.id));
    }
    // Every folder's first delta request and every nextLink page went to Graph once: the two never
    // read the same delta. (A deltaLink with nothing new comes back the same, so later rounds repeat it.)
    const pages = mail.log.filter((entry) => entry.path.endsWith("/delta") && !entry.search.includes("deltatoken"));
    const perPage = new Map<string, number>();
    for (const entry of pages)
      perPage.set(
        `${entry.mailbox} ${entry.path}${entry.search}`,
        (perPage.get(`${entry.mailbox} ${entry.path}${entry.search}`) ?? 0) + 1,
      );
    expect(pages.length).toBe(4 * 2 + 4); // a full sync of each folder, and the Inbox's second page
    expect([...perPage.values()].every((count) => count === 1)).toBe(true);
    // Each round reads each folder once at most, whichever replica leased it.
    const deltaLinks = mail.log.filter((entry) => entry.search.includes("deltatoken"));
    expect(deltaLinks.length).toBe(2 * 4 * 2);
  });

  it("leaves a folder another replica holds, and takes it over once that replica's lease ran out", async () => {
    const email = "erik@contoso.com";
    const client = await first.as(email);
    const { customer, buyer, conversationId } = await trackConversation(client, email, receive(email), tick);
    const later = mail.outlook.receive(tokenOf(email), {
      from: { address: buyer },
      to: [{ address: email }],
      subject: "RE: Pump order",
      conversationId,
    });
    clock += 60_000;
    // A replica leases Erik's folders (60 s) and is killed before it reads anything.
    const killed = createTrackedConversationsRepository(first.service.db);
    const held = await killed.claimFolders(
      { workerId: "killed-replica", until: new Date(clock + 60_000) },
      new Date(clock),
      new Date(clock),
      10,
    );
    const erik = (await client.get("/api/me")).body.id as string;
    expect(
      held
        .filter((key) => key.userId === erik)
        .map((key) => key.folder)
        .sort(),
    ).toEqual(["inbox", "sentitems"]);
    mail.log.length = 0;
    clock += 30_000;
    await Promise.all([first.service.tracking.runOnce(), second.tracking.runOnce()]);
    expect(mail.log.filter((entry) => entry.mailbox === tokenOf(email))).toEqual([]);
    expect(await logOf(client, customer.id)).toEqual([]);

    clock += 31_000;
    const reports = await Promise.all([first.service.tracking.runOnce(), second.tracking.runOnce()]);
    expect(reports[0].logged + reports[1].logged).toBe(1);
    expect((await logOf(client, customer.id)).map((entry) => entry.internetMessageId)).toEqual([
      later.internetMessageId,
    ]);
    const states = await first.service.db.query<{ leasedBy: string | null }>(
      `SELECT "leasedBy" FROM "MailDeltaState" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
      [email],
    );
    expect(states).toEqual([{ leasedBy: null }, { leasedBy: null }]);
  });
});

onPostgres("a service process killed with -9 while it reads a tracked mailbox, on PostgreSQL", () => {
  let graph: GraphFakeServer;
  let survivor: TestService;
  let killed: ServiceProcess | undefined;
  let killedDir: string;

  beforeAll(async () => {
    graph = await startGraphFakeServer();
    survivor = await startTestService(
      "postgres",
      {
        GRAPH_BASE_URL: graph.baseUrl,
        GRAPH_STATIC_TOKEN: "fake-{user}",
        SYNC_INTERVAL_MS: "0",
        TRACKING_POLL_MS: "1000",
      },
      { tracking: { autoStart: false }, logOnSend: { autoStart: false } },
    );
    killedDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-tracking-killed-"));
  });
  afterAll(async () => {
    killed?.child.kill("SIGKILL");
    await survivor.stop();
    await graph.close();
    fs.rmSync(killedDir, { recursive: true, force: true });
  });

  it("has its folders taken over by the survivor after its lease, each message logged once", async () => {
    const email = "frida@contoso.com";
    const client = await survivor.as(email);
    const { customer, buyer, conversationId } = await trackConversation(
      client,
      email,
      (input) => graph.mail.outlook.receive(tokenOf(email), input),
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const incoming = graph.mail.outlook.receive(tokenOf(email), {
      from: { address: buyer },
      to: [{ address: email }],
      subject: "RE: Pump order",
      conversationId,
    });
    const sent = graph.mail.outlook.send(tokenOf(email), {
      from: { address: email },
      to: [{ address: buyer }],
      subject: "RE: RE: Pump order",
      conversationId,
    });
    // The other replica's first delta request is held by Graph until long after it is dead.
    graph.mail.inject({ path: /\/delta$/, delayMs: 600_000, times: 1 });
    killed = await spawnService({
      DATA_DIR: killedDir,
      DATABASE_URL: survivor.databaseUrl!,
      GRAPH_BASE_URL: graph.baseUrl,
      GRAPH_STATIC_TOKEN: "fake-{user}",
      GRAPH_TIMEOUT_MS: "600000",
      SYNC_INTERVAL_MS: "0",
      TRACKING_POLL_MS: "1000",
      TRACKING_LEASE_MS: "4000",
    });
    await killed.ready();
    const leases = () =>
      survivor.service.db.query<{ folder: string; leasedBy: string | null }>(
        `SELECT s.folder, s."leasedBy" FROM "MailDeltaState" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s.folder`,
        [email],
      );
    await waitUntil(async () => (await leases()).filter((row) => row.leasedBy !== null).length === 2, 20_000);
    killed.child.kill("SIGKILL");
    await killed.exited;
    const killedAt = Date.now();
    graph.mail.clearFaults();

    // The survivor's rounds leave the folders alone while the dead one's lease lasts, then read them.
    let logged = 0;
    let firstLoggedAfter = -1;
    while (Date.now() - killedAt < 20_000 && logged < 2) {
      const report = await survivor.service.tracking.runOnce();
      if (report.logged > 0 && firstLoggedAfter < 0) firstLoggedAfter = Date.now() - killedAt;
      logged += report.logged;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(logged).toBe(2);
    expect(firstLoggedAfter).toBeLessThan(10_000);
    const log = (await client.get(`/api/customers/${customer.id}/email-log`)).body.items as any[];
    expect(log.map((entry) => entry.internetMessageId).sort()).toEqual(
      [incoming.internetMessageId, sent.internetMessageId].sort(),
    );
    expect(log.map((entry) => entry.loggedBecause).sort()).toEqual([
      'Tracked conversation "Pump order": logged from Sent Items',
      'Tracked conversation "Pump order": logged from the Inbox',
    ]);
    // A further round (past half a poll interval) reads both folders again and finds nothing new.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await survivor.service.tracking.runOnce()).toMatchObject({ logged: 0, waiting: 0 });
    expect((await leases()).map((row) => row.leasedBy)).toEqual([null, null]);
  }, 120_000);
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
