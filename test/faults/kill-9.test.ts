import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCustomer } from "../support/fixtures";
import { corruptIndexes } from "../support/embedded-check";
import { logEmailsUntilStopped, loggedMessageIds, tally } from "../support/email-load";
import { type ServiceProcess, spawnService } from "../support/service-process";
import { createPostgresTestDatabase, testBackends } from "../support/test-database";

// kill -9 while sixteen clients log e-mails, restart on the same data, count: every acknowledged
// entry must be there, none twice, and (embedded) every index intact.
describe.each(testBackends())("kill -9 during writes on %s", (backend) => {
  let dataDir: string;
  let databaseUrl = "";
  let drop = async () => {};
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-kill9-"));
    if (backend === "postgres") ({ databaseUrl, drop } = await createPostgresTestDatabase());
  });
  afterAll(async () => {
    for (const service of running) service.child.kill("SIGKILL");
    await Promise.all(running.map((service) => service.exited));
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const service = await spawnService({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
    running.push(service);
    await service.ready();
    return service;
  };

  it("loses no acknowledged write, doubles none, and restarts on an intact database", async () => {
    const first = await start();
    const alice = await first.as("alice@contoso.com");
    const customer = await createCustomer(alice, { status: 2 });
    const load = logEmailsUntilStopped({
      clients: [alice],
      customerId: customer.id,
      prefix: `kill9-${backend}`,
      concurrency: 16,
    });
    while (load.result.acknowledged.size < 150) await new Promise((resolve) => setTimeout(resolve, 50));
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const seen = await load.stop();

    // The embedded database's lock is left behind by the killed process and taken over once stale.
    const second = await start();
    const present = await loggedMessageIds(await second.as("alice@contoso.com"), customer.id);
    const result = tally(seen, present);
    console.log(`kill -9 on ${backend}: ${JSON.stringify(result)}`);
    expect(result.acknowledged).toBeGreaterThanOrEqual(150);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
    // Requests cut off by the kill either committed or not; nothing else was written.
    expect(present.size).toBe(result.acknowledged + result.appliedThoughFailed);

    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    if (backend === "pglite") expect(await corruptIndexes(path.join(dataDir, "pglite"))).toEqual([]);
  }, 120_000);
});
