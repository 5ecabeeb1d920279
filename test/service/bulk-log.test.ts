import { setupServer } from "msw/node";
import { createGraphMailFake } from "../../demo/graph-fake/mail/fake-mail.handler";
import { graphMailFakeHandlers } from "../../demo/graph-fake/mail/fake-mail.msw";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// Several emails at once: the pane sends the selected messages' REST ids, the service reads each from
// the caller's own mailbox in the Graph mail fake, finds its customer by sender and recipients, and
// logs each once. What fails is said per message and costs the others nothing.
const GRAPH_BASE_URL = "https://graph.fake.test/v1.0";
const tokenOf = (email: string) => `fake-${email}`;

type Result = { messageId: string; outcome: string; subject: string | null; reason: string | null };

describe.each(testBackends())("logging several selected emails on %s", (backend) => {
  const mail = createGraphMailFake({ baseUrl: GRAPH_BASE_URL });
  const graph = setupServer(...graphMailFakeHandlers(mail, GRAPH_BASE_URL));
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;

  beforeAll(async () => {
    graph.listen({ onUnhandledRequest: "bypass" });
    service = await startTestService(backend, {
      GRAPH_BASE_URL,
      GRAPH_STATIC_TOKEN: "fake-{user}",
      SYNC_INTERVAL_MS: "0",
      GRAPH_TIMEOUT_MS: "2000",
    });
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
  });
  afterAll(async () => {
    await service.stop();
    graph.close();
  });
  afterEach(() => mail.clearFaults());

  const receive = (from: string, subject: string, cc: string[] = [], to = "alice@contoso.com") =>
    mail.outlook.receive(tokenOf(to), {
      from: { address: from, name: "Sender" },
      to: [{ address: to }],
      cc: cc.map((address) => ({ address })),
      subject,
      bodyHtml: `<p>${subject}<script>alert(1)</script></p>`,
    });
  const logSelected = (client: ApiClient, messageIds: string[]) => client.post("/api/email-log/bulk", { messageIds });
  const emailLogOf = async (customerId: string) =>
    (await alice.get(`/api/customers/${customerId}/email-log?limit=100`)).body.items as Record<string, unknown>[];

  it("logs each selected message to its customer once, and says which were logged before or match no one", async () => {
    const fabrikam = await createCustomer(alice, { name: "Fabrikam, Inc." });
    const jonas = await createContact(alice, { customerId: fabrikam.id });
    const northwind = await createCustomer(alice, { name: "Northwind Traders" });
    const nancy = await createContact(alice, {
      customerId: northwind.id,
      emails: [`${unique("nancy")}@northwind.example`],
    });
    const first = receive(jonas.emails[0], "Order 1");
    const second = receive(jonas.emails[0], "Order 2");
    const stranger = receive(`${unique("who")}@nowhere.example`, "Hello from nobody");
    const both = receive(jonas.emails[0], "Joint project", [nancy.emails[0]]);
    // One of them logged by hand earlier: the selection finds it there, not a second entry.
    const byHand = await alice.post("/api/email-log", {
      internetMessageId: second.internetMessageId,
      subject: "Order 2",
      from: { email: jonas.emails[0] },
      sentAt: second.sentDateTime,
      customerId: fabrikam.id,
    });
    expect(byHand.status).toBe(201);

    const answer = await logSelected(alice, [first.id, second.id, stranger.id, both.id]);
    expect(answer.status).toBe(200);
    const results = answer.body.results as Result[];
    expect(results.map((result) => [result.subject, result.outcome])).toEqual([
      ["Order 1", "logged"],
      ["Order 2", "already"],
      ["Hello from nobody", "no-customer"],
      ["Joint project", "no-customer"],
    ]);
    expect(results[0]).toMatchObject({ customer: { id: fabrikam.id }, entryId: expect.any(String), reason: null });
    expect(results[2]!.reason).toMatch(/No customer matches/);
    expect(results[3]!.reason).toMatch(/Several customers match \(.*Fabrikam.*Northwind|Northwind.*Fabrikam/);

    const entries = await emailLogOf(fabrikam.id);
    expect(entries.map((entry) => entry.subject).sort()).toEqual(["Order 1", "Order 2"]);
    const logged = entries.find((entry) => entry.subject === "Order 1")!;
    expect(logged).toMatchObject({
      internetMessageId: first.internetMessageId,
      contactId: jonas.id,
      from: { email: jonas.emails[0] },
      loggedBy: { email: "alice@contoso.com" },
      mailbox: "alice@contoso.com",
      loggedBecause: expect.stringMatching(/selection of emails/),
    });
    expect(logged.bodyHtml).not.toMatch(/script/);

    // The same selection again (a retry, a second click): nothing new, each said to be there already.
    const again = await logSelected(alice, [first.id, first.id, second.id]);
    expect((again.body.results as Result[]).map((result) => result.outcome)).toEqual(["already", "already"]);
    expect(await emailLogOf(fabrikam.id)).toHaveLength(2);
  });

  it("refuses more than 100, an oversized or non-REST id, and an empty selection, naming the field", async () => {
    const graphCalls = mail.log.length;
    const ids = Array.from({ length: 101 }, (_, index) => `AAMkAGI2${index}AAAA`);
    const tooMany = await logSelected(alice, ids);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toEqual([
      expect.objectContaining({ field: "body.messageIds", message: expect.stringMatching(/100/) }),
    ]);
    const oversized = await logSelected(alice, ["AAMkAGI2AAAA", "A".repeat(513)]);
    expect(oversized.status).toBe(400);
    expect(oversized.body.error.details).toEqual([expect.objectContaining({ field: "body.messageIds.1" })]);
    // Outlook's own item id (EWS form) must be converted first: the service says so instead of asking Graph.
    const ews = await logSelected(alice, ["AAMkAGI2+THVSAAA/Ew=="]);
    expect(ews.status).toBe(400);
    expect(ews.body.error.details).toEqual([
      expect.objectContaining({ field: "body.messageIds.0", message: expect.stringMatching(/convertToRestId/) }),
    ]);
    expect((await logSelected(alice, [])).status).toBe(400);
    expect((await alice.post("/api/email-log/bulk", {})).body.error.details).toEqual([
      expect.objectContaining({ field: "body.messageIds" }),
    ]);
    expect(mail.log.length).toBe(graphCalls);
  });

  it("reads only the caller's own mailbox: another user's ids are not found, and nothing is logged", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const alices = receive(contact.emails[0], "For Alice only");
    const answer = await logSelected(ben, [alices.id]);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      expect.objectContaining({
        outcome: "failed",
        subject: null,
        reason: expect.stringMatching(/Not in your mailbox/),
      }),
    ]);
    expect(mail.log.at(-1)).toMatchObject({ mailbox: tokenOf("ben@contoso.com"), status: 404 });
    expect(await emailLogOf(customer.id)).toHaveLength(0);
    expect((await service.anonymous().post("/api/email-log/bulk", { messageIds: [alices.id] })).status).toBe(401);
  });

  it("logs the rest when one message fails, and that one on retry", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const messages = [1, 2, 3].map((n) => receive(contact.emails[0], `Part ${n}`));
    const unknown = "AAMkAGI2THVSAAAunknown";
    // Graph fails for the second message (after the client's own retries), a deleted one is not found.
    mail.inject({ path: new RegExp(encodeURIComponent(messages[1]!.id)), status: 503, retryAfterSeconds: 0, times: 4 });
    const answer = await logSelected(alice, [...messages.map((message) => message.id), unknown]);
    const results = answer.body.results as Result[];
    expect(results.map((result) => result.outcome)).toEqual(["logged", "failed", "logged", "failed"]);
    expect(results[1]!.reason).toMatch(/Outlook answered 503; retry/);
    expect(results[3]!.reason).toMatch(/Not in your mailbox/);
    expect(await emailLogOf(customer.id)).toHaveLength(2);

    const retry = await logSelected(alice, [messages[1]!.id]);
    expect((retry.body.results as Result[]).map((result) => [result.subject, result.outcome])).toEqual([
      ["Part 2", "logged"],
    ]);
    expect(await emailLogOf(customer.id)).toHaveLength(3);
  });
});
