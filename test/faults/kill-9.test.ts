import path from "node:path";
import { createCustomer } from "../support/fixtures";
import { corruptIndexes } from "../support/embedded-check";
import { logEmailsUntilStopped, loggedMessageIds, tally } from "../support/email-load";
import { serviceProcessesOn } from "../support/service-processes";
import { testBackends } from "../support/test-database";

// kill -9 while sixteen clients log e-mails, restart on the same data, count: every acknowledged
// entry must be there, none twice, and (embedded) every index intact.
describe.each(testBackends())("kill -9 during writes on %s", (backend) => {
  const { start, dataDir } = serviceProcessesOn(backend, "crm-kill9-");

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
    if (backend === "pglite") expect(await corruptIndexes(path.join(dataDir(), "pglite"))).toEqual([]);
  }, 120_000);
});
