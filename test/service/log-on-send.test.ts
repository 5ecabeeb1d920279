import { randomUUID } from "node:crypto";
import { setupServer } from "msw/node";
import { LOG_MARKER_HEADER } from "contract";
import { createGraphMailFake } from "../../demo/graph-fake/mail/fake-mail.handler";
import { graphMailFakeHandlers } from "../../demo/graph-fake/mail/fake-mail.msw";
import { createLogIntentsRepository } from "../../service/src/features/log-on-send/log-intents.repository";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// Log on send end to end: the intent over HTTP, the worker finding the sent copy in the Graph mail
// fake by its x-crm-log header, the e-mail log holding it once with its real internetMessageId.
// The service, the worker and the fake read one controllable clock; each "round" is one runOnce().
const GRAPH_BASE_URL = "https://graph.fake.test/v1.0";
const tokenOf = (email: string) => `fake-${email}`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(testBackends())("log on send on %s", (backend) => {
  // Starts at the real now: what the service stamps itself (an intent's creation, its first due time)
  // is read from the real clock, and a fixed day would fall behind it once the calendar passed it.
  let clock = Date.now();
  const mail = createGraphMailFake({ baseUrl: GRAPH_BASE_URL, now: () => clock });
  const graph = setupServer(...graphMailFakeHandlers(mail, GRAPH_BASE_URL));
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: "bypass" });
    service = await startTestService(
      backend,
      {
        GRAPH_BASE_URL,
        GRAPH_STATIC_TOKEN: "fake-{user}",
        SYNC_INTERVAL_MS: "0",
        GRAPH_TIMEOUT_MS: "2000",
        LOG_ON_SEND_RETRY_BASE_MS: "1000",
        LOG_ON_SEND_RETRY_CAP_MS: "60000",
        LOG_ON_SEND_EXPIRE_HOURS: "2",
      },
      { logOnSend: { now: () => new Date(clock), autoStart: false } },
    );
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
  });
  afterAll(async () => {
    await service.stop();
    graph.close();
  });
  afterEach(() => mail.clearFaults());

  /** One background round, after the clock moved past every backoff (the cap is a minute). */
  const round = async (advanceMs = 61_000) => {
    clock += advanceMs;
    return service.service.logOnSend.runOnce();
  };
  const intentOf = async (client: ApiClient, id: string) => {
    const list = await client.get("/api/log-intents?limit=100");
    expect(list.status).toBe(200);
    return (list.body.items as { id: string }[]).find((intent) => intent.id === id) as Record<string, unknown>;
  };
  const sendFromOutlook = (email: string, marker: string | null, subject = "Offer 4711") =>
    mail.outlook.send(tokenOf(email), {
      from: { address: email, name: "Alice" },
      to: [{ address: "jonas.keller@fabrikam.example", name: "Jonas Keller" }],
      subject,
      bodyHtml: "<p>Our offer <script>alert(1)</script></p>",
      internetHeaders: marker ? { [LOG_MARKER_HEADER]: marker } : {},
    });
  const emailLogOf = async (customerId: string) =>
    (await alice.get(`/api/customers/${customerId}/email-log`)).body.items as Record<string, unknown>[];

  it("logs the sent message once, with its real internetMessageId, whoever retries and however often", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const marker = randomUUID();
    const body = {
      marker,
      conversationId: "AAQkConv1",
      subject: "Offer 4711",
      customerId: customer.id,
      contactId: contact.id,
    };
    const first = await alice.post("/api/log-intents", body);
    expect(first.status).toBe(201);
    expect(first.body.intent).toMatchObject({ state: "PENDING", reason: expect.stringMatching(/Sent Items/) });
    // The handler retrying (no answer the first time), or the pane sending it on later: the same intent.
    const again = await alice.post("/api/log-intents", body);
    expect(again.status).toBe(200);
    expect(again.body.intent.id).toBe(first.body.intent.id);

    // Another message without our header sits beside it in Sent Items and must not be taken.
    sendFromOutlook("alice@contoso.com", null, "Lunch?");
    const sent = sendFromOutlook("alice@contoso.com", marker);
    await round();
    await round();
    const intent = await intentOf(alice, first.body.intent.id);
    expect(intent).toMatchObject({ state: "LOGGED", internetMessageId: sent.internetMessageId, reason: null });
    const entries = await emailLogOf(customer.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: intent.emailLogEntryId,
      internetMessageId: sent.internetMessageId,
      conversationId: "AAQkConv1",
      subject: "Offer 4711",
      contactId: contact.id,
      from: { email: "alice@contoso.com" },
      to: [{ email: "jonas.keller@fabrikam.example", name: "Jonas Keller" }],
      loggedBy: { email: "alice@contoso.com" },
      loggedBecause: "Logged when sent (Log when sent was on in Outlook)",
      // Found in Alice's own Sent Items.
      mailbox: "alice@contoso.com",
    });
    // Sanitised on the way in, as every logged body is.
    expect(entries[0]!.bodyHtml).not.toMatch(/script/);
    // The pane logging the same message by hand is the same entry, not a second one.
    const byHand = await alice.post("/api/email-log", {
      internetMessageId: sent.internetMessageId,
      subject: "Offer 4711",
      from: { email: "alice@contoso.com" },
      sentAt: sent.sentDateTime,
      customerId: customer.id,
    });
    expect(byHand.status).toBe(200);
    expect(byHand.body.entry.id).toBe(intent.emailLogEntryId);
    expect(await emailLogOf(customer.id)).toHaveLength(1);
  });

  it("logs once when two replicas run their rounds at the same moment", async () => {
    const customer = await createCustomer(alice);
    const markers = [randomUUID(), randomUUID(), randomUUID()];
    for (const marker of markers) {
      await alice.post("/api/log-intents", { marker, customerId: customer.id });
      sendFromOutlook("alice@contoso.com", marker, `Offer ${marker}`);
    }
    mail.log.length = 0;
    clock += 61_000;
    const [one, two] = await Promise.all([service.service.logOnSend.runOnce(), service.service.logOnSend.runOnce()]);
    // Each intent was leased by one of the two (SKIP LOCKED), so each message was looked up once.
    expect(one.logged + two.logged).toBe(3);
    const searches = mail.log.filter((entry) =>
      markers.some((marker) => decodeURIComponent(entry.search).includes(marker)),
    );
    expect(searches).toHaveLength(3);
    expect(await emailLogOf(customer.id)).toHaveLength(3);
  });

  it("takes over the intents of a replica that died holding them once their lease runs out", async () => {
    const customer = await createCustomer(alice);
    const marker = randomUUID();
    const { body } = await alice.post("/api/log-intents", { marker, customerId: customer.id });
    sendFromOutlook("alice@contoso.com", marker);
    clock += 61_000;
    // A replica claims it (lease 60 s by default) and is killed before it does anything.
    const crashed = createLogIntentsRepository(service.service.db);
    expect((await crashed.claimDue(new Date(clock), 60_000, 100)).map((intent) => intent.id)).toContain(body.intent.id);
    await round(30_000);
    expect((await intentOf(alice, body.intent.id)).state).toBe("PENDING");
    await round(31_000);
    expect(await intentOf(alice, body.intent.id)).toMatchObject({ state: "LOGGED" });
    expect(await emailLogOf(customer.id)).toHaveLength(1);
  });

  it("searches Sent Items by the documented extended-property filter, not internetMessageHeaders", async () => {
    const customer = await createCustomer(alice);
    const marker = randomUUID();
    await alice.post("/api/log-intents", { marker, customerId: customer.id });
    mail.log.length = 0;
    await round();
    const search = mail.log.find((entry) => entry.path === "/me/mailFolders/sentitems/messages");
    expect(search).toBeDefined();
    const filter = new URLSearchParams(search!.search).get("$filter");
    expect(filter).toBe(
      `singleValueExtendedProperties/any(ep: ep/id eq 'String {00020386-0000-0000-C000-000000000046} Name x-crm-log' and ep/value eq '${marker}')`,
    );
    expect(search!.mailbox).toBe(tokenOf("alice@contoso.com"));
  });

  it("waits while the message is not in Sent Items yet, then logs it", async () => {
    const customer = await createCustomer(alice);
    const marker = randomUUID();
    const { body } = await alice.post("/api/log-intents", { marker, customerId: customer.id });
    await round();
    await round();
    expect(await intentOf(alice, body.intent.id)).toMatchObject({
      state: "PENDING",
      reason: "Waiting for the message to appear in Sent Items",
    });
    // Outlook desktop in cached mode sends (and files the copy) minutes later.
    sendFromOutlook("alice@contoso.com", marker);
    await round();
    expect(await intentOf(alice, body.intent.id)).toMatchObject({ state: "LOGGED" });
    expect(await emailLogOf(customer.id)).toHaveLength(1);
  });

  it("honours 429 Retry-After, never gives up while Graph is unreachable for longer than the expiry, and logs once it is back", async () => {
    const customer = await createCustomer(alice);
    const marker = randomUUID();
    const { body } = await alice.post("/api/log-intents", { marker, customerId: customer.id });
    sendFromOutlook("alice@contoso.com", marker);

    mail.inject({ path: /sentitems/, status: 429, retryAfterSeconds: 120 });
    await round();
    let intent = await intentOf(alice, body.intent.id);
    expect(intent).toMatchObject({ state: "PENDING", reason: expect.stringMatching(/slow down/) });
    // Retry-After: 120 is kept: a round a minute later does not ask again for this message.
    mail.log.length = 0;
    await round(MINUTE);
    expect(mail.log.filter((entry) => decodeURIComponent(entry.search).includes(marker))).toHaveLength(0);

    // Down for three hours, past the two-hour expiry: an outage is not "not found".
    mail.goDown({ kind: "network" });
    for (let minutes = 0; minutes < 180; minutes += 10) await round(10 * MINUTE);
    intent = await intentOf(alice, body.intent.id);
    expect(intent).toMatchObject({ state: "PENDING", reason: expect.stringMatching(/could not be reached/) });
    mail.goDown({ kind: "status", status: 503, retryAfterSeconds: 300 });
    await round();
    expect(await intentOf(alice, body.intent.id)).toMatchObject({
      state: "PENDING",
      reason: expect.stringMatching(/503/),
    });

    mail.up();
    // The 503 asked for five minutes: a round a minute later leaves it waiting, one after that logs it.
    await round();
    expect((await intentOf(alice, body.intent.id)).state).toBe("PENDING");
    await round(5 * MINUTE);
    expect(await intentOf(alice, body.intent.id)).toMatchObject({ state: "LOGGED" });
    expect(await emailLogOf(customer.id)).toHaveLength(1);
  });

  it("expires an intent whose message never reaches Sent Items, saying why", async () => {
    const customer = await createCustomer(alice);
    const { body } = await alice.post("/api/log-intents", { marker: randomUUID(), customerId: customer.id });
    await round();
    expect((await intentOf(alice, body.intent.id)).state).toBe("PENDING");
    await round(2 * HOUR);
    const intent = await intentOf(alice, body.intent.id);
    expect(intent).toMatchObject({
      state: "EXPIRED",
      reason: expect.stringMatching(/^Not found in Sent Items by .*not sent/),
    });
    expect(await emailLogOf(customer.id)).toHaveLength(0);
    const expired = await alice.get("/api/log-intents?state=EXPIRED");
    expect((expired.body.items as { id: string }[]).map((item) => item.id)).toContain(body.intent.id);
  });

  it("waits for a sign-in on 401/403 and shows why a 4xx refusal ended an intent", async () => {
    const customer = await createCustomer(alice);
    const waiting = (await alice.post("/api/log-intents", { marker: randomUUID(), customerId: customer.id })).body
      .intent;
    mail.inject({ path: /sentitems/, status: 403 });
    await round();
    expect(await intentOf(alice, waiting.id)).toMatchObject({
      state: "PENDING",
      reason: expect.stringMatching(/sign-in needed/),
    });

    const refused = (await alice.post("/api/log-intents", { marker: randomUUID(), customerId: customer.id })).body
      .intent;
    mail.inject({ path: /sentitems/, status: 400, times: 5 });
    await round();
    const states = await Promise.all([intentOf(alice, waiting.id), intentOf(alice, refused.id)]);
    // Which of the two met the fault is the claim order's; one ended REJECTED naming Graph's answer.
    const rejected = states.find((intent) => intent.state === "REJECTED");
    expect(rejected?.reason).toMatch(/Outlook refused the search \(400/);
  });

  it("looks only in the caller's own mailbox and shows each user only their own intents", async () => {
    const customer = await createCustomer(alice);
    const marker = randomUUID();
    sendFromOutlook("alice@contoso.com", marker);
    // Ben posting Alice's marker finds nothing: the search runs in Ben's Sent Items with Ben's token.
    const bens = (await ben.post("/api/log-intents", { marker, customerId: customer.id })).body.intent;
    await round();
    await round();
    expect(await intentOf(ben, bens.id)).toMatchObject({ state: "PENDING" });
    expect(await intentOf(alice, bens.id)).toBeUndefined();
    expect(await emailLogOf(customer.id)).toHaveLength(0);
  });

  it("refuses bad input naming the field, a reused marker for another customer, and callers without a token", async () => {
    const customer = await createCustomer(alice);
    const other = await createCustomer(alice);
    const bad = await alice.post("/api/log-intents", { marker: "short", customerId: customer.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("body.marker");
    const header = await alice.post("/api/log-intents", {
      marker: "x".repeat(20) + "\r\nBcc: x",
      customerId: customer.id,
    });
    expect(header.status).toBe(400);
    const missing = await alice.post("/api/log-intents", { marker: randomUUID(), customerId: randomUUID() });
    expect(missing.status).toBe(404);
    expect(missing.body.error.details[0].field).toBe("body.customerId");
    const marker = randomUUID();
    expect((await alice.post("/api/log-intents", { marker, customerId: customer.id })).status).toBe(201);
    const reused = await alice.post("/api/log-intents", { marker, customerId: other.id });
    expect(reused.status).toBe(409);
    expect(reused.body.error.details[0].field).toBe("body.marker");
    expect((await service.anonymous().post("/api/log-intents", { marker, customerId: customer.id })).status).toBe(401);
  });
});
