/* eslint-disable @typescript-eslint/no-explicit-any -- the suite reads API answers as JSON */
import { setupServer } from "msw/node";
import { createGraphMailFake } from "../../demo/graph-fake/mail/fake-mail.handler";
import { graphMailFakeHandlers } from "../../demo/graph-fake/mail/fake-mail.msw";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// Tracked conversations end to end: tracking over HTTP, the worker reading Inbox and Sent Items
// delta from the Graph mail fake (nextLink paging, deltaLink, 410, 429), the e-mail log holding each
// later message of the conversation once, saying why; never-log rules and withdrawn consent keep
// messages out. Each "round" is one runOnce() on a clock the service and the fake share.
const GRAPH_BASE_URL = "https://graph.fake.test/v1.0";
const tokenOf = (email: string) => `fake-${email}`;
const ALICE = "alice@contoso.com";

describe.each(testBackends())("tracked conversations on %s", (backend) => {
  let clock = Date.parse("2026-12-18T09:00:00Z");
  const mail = createGraphMailFake({ baseUrl: GRAPH_BASE_URL, now: () => clock });
  const graph = setupServer(...graphMailFakeHandlers(mail, GRAPH_BASE_URL));
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: "bypass" });
    service = await startTestService(
      backend,
      { GRAPH_BASE_URL, GRAPH_STATIC_TOKEN: "fake-{user}", SYNC_INTERVAL_MS: "0", GRAPH_TIMEOUT_MS: "2000" },
      { tracking: { now: () => new Date(clock), autoStart: false }, logOnSend: { autoStart: false } },
    );
    alice = await service.as(ALICE);
    ben = await service.as("ben@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    admin = await service.as("sam@contoso.com", "ADMIN");
  });
  afterAll(async () => {
    await service.stop();
    graph.close();
  });
  afterEach(async () => {
    mail.clearFaults();
    // Each test tracks its own conversation: none is left to the next.
    for (const tracked of (await alice.get("/api/tracked-conversations")).body.items)
      await alice.request("DELETE", `/api/tracked-conversations/${tracked.id}`);
  });

  const round = async () => {
    clock += 60_000;
    return service.service.tracking.runOnce();
  };
  /** A fresh customer with a contact, and a conversation in Alice's Inbox that she tracks. */
  async function trackedConversation() {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const buyer = contact.emails[0] as string;
    const first = mail.outlook.receive(tokenOf(ALICE), {
      from: { address: buyer, name: "Jonas Keller" },
      to: [{ address: ALICE }],
      subject: "Pump order",
      bodyHtml: "<p>First</p>",
    });
    clock += 1_000;
    const tracked = await alice.post("/api/tracked-conversations", {
      conversationId: first.conversationId,
      customerId: customer.id,
      contactId: contact.id,
      subject: "Pump order",
    });
    expect(tracked.status).toBe(201);
    return { customer, contact, buyer, conversationId: first.conversationId, tracked: tracked.body.tracked };
  }
  const reply = (conversationId: string, from: string, to: string[], subject = "RE: Pump order") => {
    clock += 1_000;
    const input = {
      from: { address: from },
      to: to.map((address) => ({ address })),
      subject,
      bodyHtml: `<p>${subject} <img src=x onerror="alert(1)"></p>`,
      conversationId,
    };
    return from === ALICE ? mail.outlook.send(tokenOf(ALICE), input) : mail.outlook.receive(tokenOf(ALICE), input);
  };
  const logOf = async (customerId: string) =>
    (await alice.get(`/api/customers/${customerId}/email-log?limit=100`)).body.items as any[];

  it("logs every later message of the conversation, incoming and sent, once, saying why; not earlier ones nor other conversations", async () => {
    const { customer, buyer, conversationId } = await trackedConversation();
    const incoming = reply(conversationId, buyer, [ALICE]);
    const sent = reply(conversationId, ALICE, [buyer], "RE: RE: Pump order");
    reply("AAQkOTHER", buyer, [ALICE], "Another matter");

    expect(await round()).toMatchObject({ logged: 2, waiting: 0 });
    const log = await logOf(customer.id);
    expect(log.map((entry) => [entry.internetMessageId, entry.loggedBecause]).sort()).toEqual(
      [
        [incoming.internetMessageId, 'Tracked conversation "Pump order": logged from the Inbox'],
        [sent.internetMessageId, 'Tracked conversation "Pump order": logged from Sent Items'],
      ].sort(),
    );
    // Both read in Alice's own Inbox and Sent Items: that is the mailbox each entry names.
    expect(log.map((entry) => entry.mailbox)).toEqual([ALICE, ALICE]);
    // The message that started it came before "Track": not logged. The body was cleaned as any logged e-mail.
    expect(log.find((entry) => entry.internetMessageId === incoming.internetMessageId).bodyHtml).not.toContain(
      "onerror",
    );
    // The next round follows the deltaLink: nothing new, nothing twice; a later message is logged then.
    expect(await round()).toMatchObject({ logged: 0 });
    const later = reply(conversationId, buyer, [ALICE], "RE: Pump order, delivery");
    expect(await round()).toMatchObject({ logged: 1 });
    expect((await logOf(customer.id)).map((entry) => entry.internetMessageId)).toContain(later.internetMessageId);
    expect(await logOf(customer.id)).toHaveLength(3);
    await alice.request(
      "DELETE",
      `/api/tracked-conversations/${(await alice.get("/api/tracked-conversations")).body.items[0].id}`,
    );
  });

  it("reads a folder page by page, and starts over without logging twice when Graph forgot the deltaLink (410)", async () => {
    const { customer, buyer, conversationId, tracked } = await trackedConversation();
    for (let index = 0; index < 55; index++) reply(conversationId, buyer, [ALICE], `RE: part ${index}`);
    expect(await round()).toMatchObject({ logged: 55 });
    mail.outlook.expireDeltaTokens(tokenOf(ALICE));
    const after = reply(conversationId, buyer, [ALICE], "RE: after the reset");
    const report = await round();
    expect(report).toMatchObject({ resynced: 2 });
    const log = await logOf(customer.id);
    expect(log).toHaveLength(56);
    expect(log.map((entry) => entry.internetMessageId)).toContain(after.internetMessageId);
    // 50 a page (Prefer: odata.maxpagesize): the rounds followed nextLinks.
    expect(mail.log.filter((entry) => entry.search.includes("skiptoken")).length).toBeGreaterThan(1);
    expect((await alice.request("DELETE", `/api/tracked-conversations/${tracked.id}`)).status).toBe(204);
  });

  it("logs the user's answers sent as Outlook sends them, by reply and by createReply + send, in the conversation", async () => {
    const { customer, buyer, conversationId, tracked } = await trackedConversation();
    const question = reply(conversationId, buyer, [ALICE], "RE: Pump order, a question");
    const post = (path: string, body?: unknown) =>
      mail.handle(
        new Request(`${GRAPH_BASE_URL}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${tokenOf(ALICE)}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    clock += 1_000;
    expect((await post(`/me/messages/${question.id}/reply`, { comment: "Yes, in May." })).status).toBe(202);
    clock += 1_000;
    const draft = (await (
      await post(`/me/messages/${question.id}/createReply`, { comment: "And the price" })
    ).json()) as any;
    expect((await post(`/me/messages/${draft.id}/send`)).status).toBe(202);
    expect(await round()).toMatchObject({ logged: 3 });
    const log = await logOf(customer.id);
    expect(
      log.filter((entry) => entry.loggedBecause === 'Tracked conversation "Pump order": logged from Sent Items'),
    ).toHaveLength(2);
    expect(log.map((entry) => entry.internetMessageId)).toContain(draft.internetMessageId);
    // The customer's timeline says why too.
    const timeline = (await alice.get(`/api/customers/${customer.id}/timeline?kind=EMAIL`)).body.items as any[];
    expect(timeline).toHaveLength(3);
    for (const item of timeline) expect(item.summary).toMatch(/ · Tracked conversation "Pump order": logged from /);
    await alice.request("DELETE", `/api/tracked-conversations/${tracked.id}`);
  });

  it("waits out 429 and an outage, keeping its place, and logs what came meanwhile afterwards", async () => {
    const { customer, buyer, conversationId, tracked } = await trackedConversation();
    await round();
    mail.inject({ path: /delta/, status: 429, retryAfterSeconds: 120, times: 50 });
    const during = reply(conversationId, buyer, [ALICE], "RE: while throttled");
    expect(await round()).toMatchObject({ logged: 0, waiting: 2 });
    mail.clearFaults();
    mail.goDown({ kind: "network" });
    expect(await round()).toMatchObject({ logged: 0, waiting: 2 });
    mail.up();
    expect(await round()).toMatchObject({ logged: 1, resynced: 0 });
    expect((await logOf(customer.id)).map((entry) => entry.internetMessageId)).toEqual([during.internetMessageId]);
    await alice.request("DELETE", `/api/tracked-conversations/${tracked.id}`);
  });

  it("never logs an address or domain a user or an admin excluded, nor a contact who withdrew e-mail consent", async () => {
    const { customer, contact, buyer, conversationId, tracked } = await trackedConversation();
    await round();
    // Alice excludes the lawyer's address; the admin the works council's domain, for everyone.
    const own = await alice.post("/api/never-log-rules", { value: "Lawyer@Legal.example" });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ scope: "USER", value: "lawyer@legal.example" });
    expect((await alice.post("/api/never-log-rules", { value: "council.example", scope: "ORGANIZATION" })).status).toBe(
      403,
    );
    expect((await admin.post("/api/never-log-rules", { value: "council.example", scope: "ORGANIZATION" })).status).toBe(
      201,
    );
    expect((await alice.post("/api/never-log-rules", { value: "not a domain" })).body.error.details[0].field).toBe(
      "body.value",
    );
    reply(conversationId, buyer, [ALICE, "lawyer@legal.example"], "RE: with the lawyer");
    reply(conversationId, "chair@eu.council.example", [ALICE], "RE: from the council");
    const plain = reply(conversationId, buyer, [ALICE], "RE: plain");
    expect(await round()).toMatchObject({ logged: 1, neverLog: 2 });
    // Ben has no such rule of his own, but the organisation's holds for him too.
    expect((await ben.get("/api/never-log-rules")).body.items.map((rule: any) => rule.value)).toEqual([
      "council.example",
    ]);

    // Jonas withdraws e-mail consent: his messages are no longer logged automatically.
    const withdrawn = await alice.post(`/api/contacts/${contact.id}/consent`, {
      channel: "EMAIL",
      status: "WITHDRAWN",
      source: "Unsubscribe by phone",
      date: "2026-11-30",
    });
    expect(withdrawn.status).toBe(201);
    reply(conversationId, buyer, [ALICE], "RE: after withdrawing");
    expect(await round()).toMatchObject({ logged: 0, consent: 1 });
    expect((await logOf(customer.id)).map((entry) => entry.internetMessageId)).toEqual([plain.internetMessageId]);

    // Rules dropped: only their owner (or a manager), the organisation's only by an admin.
    const rules = (await alice.get("/api/never-log-rules")).body.items as any[];
    const organisation = rules.find((rule) => rule.scope === "ORGANIZATION");
    expect((await ben.request("DELETE", `/api/never-log-rules/${own.body.id}`)).status).toBe(403);
    expect((await alice.request("DELETE", `/api/never-log-rules/${organisation.id}`)).status).toBe(403);
    expect((await alice.request("DELETE", `/api/never-log-rules/${own.body.id}`)).status).toBe(204);
    expect((await admin.request("DELETE", `/api/never-log-rules/${organisation.id}`)).status).toBe(204);
    await alice.request("DELETE", `/api/tracked-conversations/${tracked.id}`);
  });

  it("lists what the user tracks and stops it: later messages are no longer logged; only the tracker or a manager may stop it", async () => {
    const { customer, buyer, conversationId, tracked } = await trackedConversation();
    const again = await alice.post("/api/tracked-conversations", {
      conversationId,
      customerId: customer.id,
      subject: "Pump order",
    });
    expect(again.status).toBe(200);
    const elsewhere = await createCustomer(alice);
    expect((await alice.post("/api/tracked-conversations", { conversationId, customerId: elsewhere.id })).status).toBe(
      409,
    );
    expect(
      (
        await alice.post("/api/tracked-conversations", {
          conversationId: "AAQk-unknown-customer",
          customerId: "00000000-0000-4000-8000-000000000000",
        })
      ).status,
    ).toBe(404);
    const mine = (await alice.get("/api/tracked-conversations")).body.items;
    expect(mine).toEqual([
      expect.objectContaining({ id: tracked.id, conversationId, customerName: customer.name, subject: "Pump order" }),
    ]);
    expect((await ben.get("/api/tracked-conversations")).body.items).toEqual([]);
    expect((await ben.request("DELETE", `/api/tracked-conversations/${tracked.id}`)).status).toBe(403);

    await round();
    expect((await alice.request("DELETE", `/api/tracked-conversations/${tracked.id}`)).status).toBe(204);
    reply(conversationId, buyer, [ALICE], "RE: after stopping");
    expect(await round()).toMatchObject({ logged: 0 });
    expect(await logOf(customer.id)).toEqual([]);

    const byManager = await trackedConversation();
    expect((await manager.request("DELETE", `/api/tracked-conversations/${byManager.tracked.id}`)).status).toBe(204);
  });
});
