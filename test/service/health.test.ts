import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

describe.each(testBackends())("health on %s", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(backend);
  });
  afterAll(() => service.stop());

  it("is live, and ready with the database answering and every migration applied, without a token", async () => {
    const anonymous = service.anonymous();
    expect(await anonymous.get("/api/health/live")).toMatchObject({ status: 200, body: { status: "ok" } });
    const ready = await anonymous.get("/api/health/ready");
    expect(ready).toMatchObject({ status: 200, body: { status: "ok", database: backend } });
    expect(ready.body.migrations).toBeGreaterThan(0);
    // The old address means ready.
    expect(await anonymous.get("/api/health")).toMatchObject({ status: 200, body: ready.body });
  });

  it("is not ready while a migration this build knows is missing from the database", async () => {
    const [last] = await service.service.db.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await service.service.db.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [
      last!.migration_name,
    ]);
    try {
      const ready = await service.anonymous().get("/api/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBe("5");
      expect(ready.body).toEqual({
        status: "unavailable",
        reason: expect.stringMatching(/^1 of \d+ migrations are not applied$/),
      });
      expect((await service.anonymous().get("/api/health/live")).status).toBe(200);
    } finally {
      await service.service.db.query(
        `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`,
        [last!.migration_name],
      );
    }
    expect((await service.anonymous().get("/api/health/ready")).status).toBe(200);
  });
});
