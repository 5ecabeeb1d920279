import { loadConfig } from "../../service/src/config";
import { type Database, openDatabase } from "../../service/src/db/database";
import { type RunningService, startService } from "../../service/src/server";
import { ApiClient, type ApiResponse } from "../support/api-client";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// Rate limits over real HTTP: per user after sign-in, per address before it, the development
// sign-in hardest. Small budgets here so a test reaches them; the defaults are checked on their own.

function expectRateLimited(response: ApiResponse, windowSeconds = 60) {
  expect(response.status).toBe(429);
  expect(response.body.error.code).toBe("rate_limited");
  expect(response.body.error.message).toMatch(/Too many requests/);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

const times = async <T>(count: number, fn: () => Promise<T>): Promise<T[]> => {
  const results: T[] = [];
  for (let index = 0; index < count; index++) results.push(await fn());
  return results;
};

describe("rate limit defaults", () => {
  it("give the development sign-in the smallest budget, then users, then addresses", () => {
    const { rateLimits } = loadConfig({});
    expect(rateLimits).toEqual({ windowSeconds: 60, devToken: 30, perUser: 600, perAddress: 3000 });
  });

  it("are set by the environment, 0 meaning none, and refuse nonsense", () => {
    expect(loadConfig({ RATE_LIMIT_PER_USER: "0", RATE_LIMIT_WINDOW_SECONDS: "10" }).rateLimits).toMatchObject({
      perUser: 0,
      windowSeconds: 10,
    });
    expect(() => loadConfig({ RATE_LIMIT_PER_ADDRESS: "-1" })).toThrow(/RATE_LIMIT_PER_ADDRESS/);
    expect(() => loadConfig({ RATE_LIMIT_DEV_TOKEN: "many" })).toThrow(/RATE_LIMIT_DEV_TOKEN/);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
  });
});

describe.each(testBackends())("rate limits on %s", (backend) => {
  describe("per user", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService(backend, { RATE_LIMIT_PER_USER: "5" });
    });
    afterAll(() => service.stop());

    it("answers 429 with Retry-After past the budget, applies nothing, and leaves other users alone", async () => {
      const maria = await service.as("maria@contoso.com", "MANAGER");
      const statuses = (await times(4, () => maria.get("/api/me"))).map((response) => response.status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect((await maria.post("/api/types", { name: "Within budget" })).status).toBe(201);
      const refused = await maria.post("/api/types", { name: "Past budget" });
      expectRateLimited(refused);
      expect(refused.body.error.message).toMatch(/your account/);
      // A new token for the same person draws on the same budget.
      expectRateLimited(await (await service.as("maria@contoso.com", "MANAGER")).get("/api/me"));

      const ben = await service.as("ben@contoso.com");
      const types = await ben.get("/api/types");
      expect(types.status).toBe(200);
      const names = types.body.items.map((type: { name: string }) => type.name);
      expect(names).toContain("Within budget");
      expect(names).not.toContain("Past budget");
    });
  });

  describe("per address", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService(backend, { RATE_LIMIT_PER_ADDRESS: "6" });
    });
    afterAll(() => service.stop());

    it("stops an unauthenticated flood before any token is looked at; health still answers", async () => {
      const forged = new ApiClient(service.url, "not.a.token");
      const statuses = (await times(6, () => forged.get("/api/customers"))).map((response) => response.status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
      expectRateLimited(await forged.get("/api/customers"));
      // Whoever else shares the address shares its budget, signed in or not.
      const alice = await service.as("alice@contoso.com");
      const refused = await alice.get("/api/me");
      expectRateLimited(refused);
      expect(refused.body.error.message).toMatch(/your address/);
      // Every way into /api draws on it: the development sign-in and Graph's notifications too.
      expectRateLimited(await service.anonymous().post("/api/dev/token", { email: "a@contoso.com" }));
      expectRateLimited(await service.anonymous().post("/api/graph/notifications", { value: [] }));
      expect((await service.anonymous().get("/api/health")).status).toBe(200);
    });
  });

  describe("the development sign-in, at its default budget", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService(backend);
    });
    afterAll(() => service.stop());

    it("refuses the 31st token in a minute while the rest of the API answers", async () => {
      const anonymous = service.anonymous();
      const statuses = await times(
        30,
        async () => (await anonymous.post("/api/dev/token", { email: "a@contoso.com" })).status,
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
      const refused = await anonymous.post("/api/dev/token", { email: "admin@contoso.com", role: "ADMIN" });
      expectRateLimited(refused);
      expect(refused.body.token).toBeUndefined();
      expect((await (await service.as("alice@contoso.com")).get("/api/me")).status).toBe(200);
    });
  });

  describe("over a short window", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService(backend, { RATE_LIMIT_PER_USER: "2", RATE_LIMIT_WINDOW_SECONDS: "2" });
    });
    afterAll(() => service.stop());

    it("lets the user in again once Retry-After has passed", async () => {
      const alice = await service.as("alice@contoso.com");
      // Fixed windows: the budget may be half spent by the window before; two refusals in a row prove it is spent now.
      let refused: ApiResponse | undefined;
      for (let attempt = 0; attempt < 6 && !refused; attempt++) {
        const response = await alice.get("/api/me");
        if (response.status === 429) refused = response;
      }
      expectRateLimited(refused!, 2);
      await new Promise((resolve) => setTimeout(resolve, Number(refused!.headers.get("retry-after")) * 1000 + 100));
      expect((await alice.get("/api/me")).status).toBe(200);
    });
  });
});

const describePostgres = testBackends().includes("postgres") ? describe : describe.skip;

describePostgres("two replicas on one PostgreSQL database", () => {
  let first: TestService;
  let second: RunningService;
  let secondDb: Database;
  const env = { RATE_LIMIT_PER_USER: "6", RATE_LIMIT_PER_ADDRESS: "20" };
  beforeAll(async () => {
    first = await startTestService("postgres", env);
    // The same database and the same development key, another process's worth of state.
    const config = loadConfig({ PORT: "0", DATA_DIR: first.dataDir, SEED: "none", ...env });
    secondDb = await openDatabase({ databaseUrl: first.databaseUrl!, poolSize: 4 });
    second = await startService(config, { db: secondDb });
  });
  afterAll(async () => {
    await second?.stop();
    await secondDb?.close();
    await first?.stop();
  });

  it("share a user's budget, whichever replica a request reaches", async () => {
    const onFirst = await first.as("alice@contoso.com");
    const onSecond = new ApiClient(second.url, onFirst.token);
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      statuses.push((await onFirst.get("/api/me")).status, (await onSecond.get("/api/me")).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    // Neither replica has refused Alice before: only the shared count says she is over.
    expectRateLimited(await onSecond.get("/api/me"));
    expectRateLimited(await onFirst.get("/api/me"));
    // Ben's budget is his own on both.
    const ben = await first.as("ben@contoso.com");
    expect((await new ApiClient(second.url, ben.token).get("/api/me")).status).toBe(200);
  });

  it("share an address's budget too", async () => {
    // 20 per address: the 9 calls of the test before and Ben's sign-in spent part of it.
    const forged = [new ApiClient(first.url, "x"), new ApiClient(second.url, "x")];
    const statuses: number[] = [];
    for (let index = 0; index < 20; index++) statuses.push((await forged[index % 2]!.get("/api/me")).status);
    expect(statuses).toContain(401);
    expect(statuses.slice(-1)).toEqual([429]);
    expectRateLimited(await forged[0]!.get("/api/me"));
    expectRateLimited(await forged[1]!.get("/api/me"));
  });
});
