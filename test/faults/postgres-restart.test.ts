import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { loadOrCreateDevKeys, signDevToken } from "../../service/src/auth/dev-issuer";
import { createLogger } from "../../service/src/shared/logger";
import { loadConfig } from "../../service/src/config";
import { type RunningService, startService } from "../../service/src/server";
import { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { emailBody, logEmailsUntilStopped, loggedMessageIds, tally } from "../support/email-load";
import {
  type PostgresServer,
  postgresBinDir,
  startAgain,
  startPostgresServer,
  stopOnly,
  stopPostgresServer,
} from "../support/postgres-server";
import { freePort } from "../support/service-process";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A PostgreSQL server of its own (the shared one serves every other suite), crashed and restarted
// under two replicas taking e-mail logs, while a third replica starts during the outage.
(postgresBinDir() ? describe : describe.skip)("PostgreSQL restarted under two replicas", () => {
  let server: PostgresServer;
  let dataDir: string;
  const replicas: RunningService[] = [];

  beforeAll(async () => {
    server = await startPostgresServer({ synchronousCommit: true });
    const admin = new Client({ connectionString: server.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE crm_restart");
    await admin.end();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-pg-restart-"));
  }, 60_000);
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    stopPostgresServer(server.dir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const config = (port = 0) =>
    loadConfig({
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: server.url("crm_restart"),
      SEED: "none",
      SHUTDOWN_TIMEOUT_MS: "5000",
      RATE_LIMIT_PER_USER: "0",
      RATE_LIMIT_PER_ADDRESS: "0",
    });
  const clientOf = async (url: string) =>
    new ApiClient(url, await signDevToken(await loadOrCreateDevKeys(dataDir), { email: "alice@contoso.com" }));

  it("answers 503 with Retry-After and an honest message while it is down, and loses nothing", async () => {
    replicas.push(await startService(config()), await startService(config()));
    const [one, two] = await Promise.all(replicas.map((replica) => clientOf(replica.url)));
    const customer = await createCustomer(one!, { status: 2 });
    const probeCustomer = await createCustomer(one!, { status: 2 });
    const load = logEmailsUntilStopped({
      clients: [one!, two!],
      customerId: customer.id,
      prefix: "pg-restart",
      concurrency: 8,
    });
    while (load.result.acknowledged.size < 100) await sleep(20);

    stopOnly(server, "immediate");
    const downSince = Date.now();
    // A third replica started now waits for the database instead of exiting.
    const warnings: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void warnings.push(line) } });
    const latePort = await freePort();
    const late = startService(config(latePort), { logger });
    await sleep(1500);

    for (const replica of [...replicas.map((replica) => replica.url), `http://127.0.0.1:${latePort}`]) {
      const live = await fetch(`${replica}/api/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${replica}/api/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBe("5");
      const { reason } = await ready.json();
      expect(reason).toMatch(/database/);
      expect(reason).not.toContain(String(server.port)); // no host or port for anonymous callers
    }
    const starting = await fetch(`http://127.0.0.1:${latePort}/api/customers`);
    expect(starting.status).toBe(503);
    expect((await starting.json()).error).toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(/^The service is starting \(waiting for the database, attempt \d+\)/),
    });
    const read = await one!.get(`/api/customers/${customer.id}`);
    expect(read.status).toBe(503);
    expect(read.headers.get("retry-after")).toBe("5");
    expect(read.body.error).toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("nothing was changed"),
    });
    const write = await two!.post("/api/email-log", emailBody("<during-outage@faults.example>", probeCustomer.id));
    expect(write.status).toBe(503);
    expect(write.body.error.message).toContain("whether it was applied is unknown");
    expect(write.body.error.message).not.toContain("not applied");

    startAgain(server);
    const downMs = Date.now() - downSince;
    const lateReplica = await late;
    replicas.push(lateReplica);
    expect(warnings.some((line) => /waiting for the database: .*attempt 1 failed, retrying in/.test(line))).toBe(true);
    for (const replica of replicas)
      for (let attempt = 0; (await fetch(`${replica.url}/api/health/ready`)).status !== 200; attempt++) {
        if (attempt > 100) throw new Error(`${replica.url} not ready again`);
        await sleep(100);
      }
    const ackedBeforeRecovery = load.result.acknowledged.size;
    while (load.result.acknowledged.size < ackedBeforeRecovery + 50) await sleep(20);
    const seen = await load.stop();

    const reader = await clientOf(lateReplica.url);
    const beforeRetry = tally(seen, await loggedMessageIds(reader, customer.id));
    // A client retries what failed with the same message id (the e-mail log's natural key).
    for (const id of seen.failed.keys())
      expect([200, 201]).toContain((await reader.post("/api/email-log", emailBody(id, customer.id))).status);
    const present = await loggedMessageIds(reader, customer.id);
    console.log(
      `PostgreSQL down ${downMs} ms under two replicas: ${JSON.stringify(beforeRetry)}; after retrying the failed ones: ${present.size} entries`,
    );
    expect(beforeRetry.lost).toBe(0);
    expect(beforeRetry.duplicated).toBe(0);
    expect(Object.keys(seen.outcomes).filter((outcome) => outcome !== "201" && outcome !== "503")).toEqual([]);
    expect(present.size).toBe(seen.acknowledged.size + seen.failed.size);
    expect([...present.values()].every((count) => count === 1)).toBe(true);
  }, 120_000);
});
