import { createCustomer } from "../support/fixtures";
import { logEmailsUntilStopped, loggedMessageIds, tally } from "../support/email-load";
import { serviceProcessesOn } from "../support/service-processes";
import { testBackends } from "../support/test-database";

// SIGTERM while sixteen keep-alive clients log e-mails: every request the service accepted gets its
// answer; a request that failed at the client was never applied (it was not accepted).
describe.each(testBackends())("SIGTERM under load on %s", (backend) => {
  const { start } = serviceProcessesOn(backend, "crm-sigterm-");

  it("cuts off no accepted request and stops with exit code 0", async () => {
    const first = await start();
    const alice = await first.as("alice@contoso.com");
    const customer = await createCustomer(alice, { status: 2 });
    const load = logEmailsUntilStopped({
      clients: [alice],
      customerId: customer.id,
      prefix: `sigterm-${backend}`,
      concurrency: 16,
    });
    while (load.result.acknowledged.size < 100) await new Promise((resolve) => setTimeout(resolve, 20));
    const atSignal = load.result.acknowledged.size;
    first.child.kill("SIGTERM");
    const { code } = await first.exited;
    const seen = await load.stop();
    const answeredAfterSignal = seen.acknowledged.size - atSignal;

    const second = await start();
    const present = await loggedMessageIds(await second.as("alice@contoso.com"), customer.id);
    const result = tally(seen, present);
    console.log(`SIGTERM on ${backend}: ${JSON.stringify({ ...result, answeredAfterSignal })}`);
    expect(code).toBe(0);
    expect(first.output()).not.toContain("cut off");
    // Requests in flight when the signal came were answered, not reset.
    expect(answeredAfterSignal).toBeGreaterThan(0);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
    expect(result.appliedThoughFailed).toBe(0);
    expect(Object.keys(result.outcomes).filter((outcome) => /^5/.test(outcome))).toEqual([]);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  }, 120_000);
});
