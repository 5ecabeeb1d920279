import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../service/src/config";
import { type RunningService, startService } from "../../service/src/server";
import { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

let keys = 0;
/** A fresh key per use, as the pane makes one per user action. */
const newKey = () => `"key-${process.pid}-${Date.now()}-${++keys}"`;

describe.each(testBackends())("Idempotency-Key on creates, on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;
  let manager: ApiClient;
  let customer: { id: string };

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    customer = await createCustomer(alice);
  });
  afterAll(() => service.stop());

  const postWithKey = (client: ApiClient, url: string, body: unknown, key: string) =>
    client.request("POST", url, body, { "Idempotency-Key": key });
  const noteCount = async () => (await alice.get(`/api/notes?customerId=${customer.id}`)).body.total as number;

  it("answers a retry of a create with the first answer, status and body, and creates it once", async () => {
    const before = await noteCount();
    const key = newKey();
    const body = { customerId: customer.id, bodyHtml: "<p>Called, left a message</p>" };
    const first = await postWithKey(alice, "/api/notes", body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const retry = await postWithKey(alice, "/api/notes", body, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await noteCount()).toBe(before + 1);
    // The same JSON with its fields in another order is the same request.
    const reordered = await postWithKey(alice, "/api/notes", { bodyHtml: body.bodyHtml, customerId: customer.id }, key);
    expect(reordered.body.id).toBe(first.body.id);
    // Without a key, the same body is a second note: the key is what makes a retry a retry.
    expect((await alice.post("/api/notes", body)).status).toBe(201);
    expect(await noteCount()).toBe(before + 2);
  });

  it("creates an activity and a quote once however often the same request comes", async () => {
    const activity = {
      type: "CALL",
      subject: "Follow up on the offer",
      startsAt: "2099-02-03T09:00:00.000Z",
      timeZone: "Europe/Berlin",
      customerId: customer.id,
    };
    const key = newKey();
    const answers = [];
    for (let attempt = 0; attempt < 3; attempt++)
      answers.push(await postWithKey(alice, "/api/activities", activity, key));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    const planned = await alice.get(`/api/activities?customerId=${customer.id}`);
    expect(planned.body.items.filter((item: { subject: string }) => item.subject === activity.subject)).toHaveLength(1);

    const active = await createCustomer(alice);
    await alice.post(`/api/customers/${active.id}/release`, { version: 1 });
    await manager.post(`/api/customers/${active.id}/approve`, { version: 2 });
    const quote = {
      customerId: active.id,
      title: "Pumps",
      validUntil: "2099-01-31",
      lines: [{ item: "PUMP-200", quantity: "2", unitPrice: "10.00" }],
    };
    const quoteKey = newKey();
    const firstQuote = await postWithKey(alice, "/api/quotes", quote, quoteKey);
    const again = await postWithKey(alice, "/api/quotes", quote, quoteKey);
    expect(again.body).toEqual(firstQuote.body);
    expect((await alice.get(`/api/quotes?customerId=${active.id}`)).body.items).toHaveLength(1);
  });

  it("keeps an uploaded file once when the same upload is retried, and tells another file under the same key apart", async () => {
    const key = newKey();
    const upload = (text: string) =>
      alice.request("POST", `/api/customers/${customer.id}/attachments?fileName=minutes.txt`, text, {
        "content-type": "text/plain",
        "Idempotency-Key": key,
      });
    const first = await upload("Minutes of the meeting");
    expect(first.status).toBe(201);
    expect((await upload("Minutes of the meeting")).body).toEqual(first.body);
    expect((await upload("Other minutes")).status).toBe(422);
    const files = (await alice.get(`/api/customers/${customer.id}/attachments`)).body.items;
    expect(files.filter((file: { fileName: string }) => file.fileName === "minutes.txt")).toHaveLength(1);
  });

  it("refuses the same key with another body (422 naming the header) and creates nothing", async () => {
    const key = newKey();
    const first = await postWithKey(alice, "/api/notes", { customerId: customer.id, bodyHtml: "<p>One</p>" }, key);
    expect(first.status).toBe(201);
    const before = await noteCount();
    const other = await postWithKey(alice, "/api/notes", { customerId: customer.id, bodyHtml: "<p>Two</p>" }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: "idempotency_key_reused",
      details: [{ field: "header.Idempotency-Key" }],
    });
    // Another route with the same key is another request too.
    const comment = await postWithKey(alice, `/api/customers/${customer.id}/comments`, { body: "Hi" }, key);
    expect(comment.status).toBe(422);
    expect(await noteCount()).toBe(before);
  });

  it("keeps keys per user: a colleague's same key and body is a create of their own", async () => {
    const key = newKey();
    const body = { customerId: customer.id, bodyHtml: "<p>Same words</p>" };
    const mine = await postWithKey(alice, "/api/notes", body, key);
    const theirs = await postWithKey(ben, "/api/notes", body, key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.author.email).toBe("ben@contoso.com");
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  it("runs a create once when its retries arrive while it is still running: the others get 409 or the answer", async () => {
    const before = await noteCount();
    const key = newKey();
    const body = { customerId: customer.id, bodyHtml: "<p>Sent from two windows at once</p>" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => postWithKey(alice, "/api/notes", body, key)));
    const created = answers.filter((answer) => answer.status === 201);
    const running = answers.filter((answer) => answer.status === 409);
    expect(created.length + running.length).toBe(8);
    expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
    for (const answer of running) expect(answer.body.error.code).toBe("request_in_progress");
    expect(await noteCount()).toBe(before + 1);
  });

  it("answers 409 while the first request with the key is still running, and runs it when that one's replica died", async () => {
    const key = newKey();
    const body = { customerId: customer.id, bodyHtml: "<p>Still being saved</p>" };
    await postWithKey(alice, "/api/notes", body, key);
    const prisma = service.service.db.prisma;
    const bareKey = key.replace(/"/g, "");
    // As the row looks while its first request runs: claimed, no answer yet, its claim renewed.
    await prisma.idempotencyKey.updateMany({
      where: { key: bareKey },
      data: { status: null, response: null, lockedUntil: new Date(Date.now() + 60_000) },
    });
    const running = await postWithKey(alice, "/api/notes", body, key);
    expect(running.status).toBe(409);
    expect(running.body.error).toMatchObject({
      code: "request_in_progress",
      details: [{ field: "header.Idempotency-Key" }],
    });
    // Its replica died before answering (the claim was not renewed): the retry runs the request.
    await prisma.idempotencyKey.updateMany({
      where: { key: bareKey },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    const taken = await postWithKey(alice, "/api/notes", body, key);
    expect(taken.status).toBe(201);
    expect(taken.headers.get("idempotent-replayed")).toBeNull();
    expect((await postWithKey(alice, "/api/notes", body, key)).body.id).toBe(taken.body.id);
  });

  it("refuses a malformed or repeated key with a 400 naming the header, and creates nothing", async () => {
    const before = await noteCount();
    const body = { customerId: customer.id, bodyHtml: "<p>x</p>" };
    for (const bad of [
      '"short"',
      '"unterminated',
      '"a-valid-key-1", "a-valid-key-2"',
      `"${"x".repeat(300)}"`,
      '"tab\there1"',
    ]) {
      const answer = await postWithKey(alice, "/api/notes", body, bad);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toEqual([expect.objectContaining({ field: "header.Idempotency-Key" })]);
    }
    expect(await noteCount()).toBe(before);
    // A refused create keeps nothing: corrected, the same key goes through.
    const key = newKey();
    expect((await postWithKey(alice, "/api/notes", { customerId: customer.id, bodyHtml: "" }, key)).status).toBe(400);
    expect(
      (await postWithKey(alice, "/api/notes", { customerId: customer.id, bodyHtml: "<p>ok</p>" }, key)).status,
    ).toBe(201);
    // Sent as a bare value, without the quotes of a structured string, the key works as well.
    const bare = newKey().replace(/"/g, "");
    const one = await postWithKey(alice, "/api/notes", body, bare);
    expect((await postWithKey(alice, "/api/notes", body, bare)).body.id).toBe(one.body.id);
  });

  it("treats an expired key as new and purges expired keys", async () => {
    const key = newKey();
    const body = { customerId: customer.id, bodyHtml: "<p>Yesterday's note</p>" };
    const first = await postWithKey(alice, "/api/notes", body, key);
    const prisma = service.service.db.prisma;
    // 24 hours later (the row's expiry moved into the past rather than waiting a day).
    await prisma.idempotencyKey.updateMany({ data: { expiresAt: new Date(Date.now() - 1_000) } });
    const later = await postWithKey(alice, "/api/notes", body, key);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(later.headers.get("idempotent-replayed")).toBeNull();

    // A replica that starts purges the expired keys with its first keyed create.
    await prisma.idempotencyKey.updateMany({ data: { expiresAt: new Date(Date.now() - 1_000) } });
    const replica = await startService(loadConfig({ PORT: "0", DATA_DIR: service.dataDir, SEED: "none" }), {
      db: service.service.db,
    });
    try {
      const onReplica = new ApiClient(replica.url, alice.token);
      expect((await postWithKey(onReplica, "/api/notes", body, newKey())).status).toBe(201);
      await waitFor(
        async () => (await prisma.idempotencyKey.count({ where: { expiresAt: { lte: new Date() } } })) === 0,
      );
    } finally {
      await replica.stop();
    }
  });
});

// Two service processes' worth of state (own pool, own app) on one PostgreSQL database.
const onPostgres = testBackends().includes("postgres") ? describe : describe.skip;
onPostgres("Idempotency-Key across two service instances on one PostgreSQL database", () => {
  let first: TestService;
  let second: RunningService;
  let secondDir: string;
  let alice: ApiClient;
  let aliceOnSecond: ApiClient;
  let customer: { id: string };

  beforeAll(async () => {
    first = await startTestService("postgres");
    const databaseUrl = await currentDatabaseUrl(first);
    // Its own DATA_DIR with the same development issuer key, so one token is good on both.
    secondDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-second-"));
    fs.cpSync(path.join(first.dataDir, "dev-issuer"), path.join(secondDir, "dev-issuer"), { recursive: true });
    second = await startService(
      loadConfig({ PORT: "0", DATA_DIR: secondDir, SEED: "none", DATABASE_URL: databaseUrl }),
      {},
    );
    alice = await first.as("alice@contoso.com");
    aliceOnSecond = new ApiClient(second.url, alice.token);
    customer = await createCustomer(alice);
  });
  afterAll(async () => {
    await second.stop();
    await first.stop();
    fs.rmSync(secondDir, { recursive: true, force: true });
  });

  it("replays on one instance what the other created, and runs a race between them once", async () => {
    const body = { customerId: customer.id, bodyHtml: "<p>Retried through the other replica</p>" };
    const key = newKey();
    const created = await alice.request("POST", "/api/notes", body, { "Idempotency-Key": key });
    const replayed = await aliceOnSecond.request("POST", "/api/notes", body, { "Idempotency-Key": key });
    expect(replayed.status).toBe(201);
    expect(replayed.body).toEqual(created.body);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");

    const raceKey = newKey();
    const race = { customerId: customer.id, bodyHtml: "<p>Both replicas at once</p>" };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? aliceOnSecond : alice).request("POST", "/api/notes", race, { "Idempotency-Key": raceKey }),
      ),
    );
    expect(answers.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    const notes = (await alice.get(`/api/notes?customerId=${customer.id}`)).body.items as { bodyText: string }[];
    expect(notes.filter((note) => note.bodyText.includes("Both replicas at once"))).toHaveLength(1);
    expect(notes.filter((note) => note.bodyText.includes("Retried through the other replica"))).toHaveLength(1);
  });
});

/** The URL of the test service's own database, read back from PostgreSQL itself. */
async function currentDatabaseUrl(service: TestService): Promise<string> {
  const [row] = await service.service.db.query<{ name: string }>("SELECT current_database() AS name");
  return process.env.TEST_POSTGRES_URL!.replace(/\/postgres$/, `/${row!.name}`);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
