import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../../service/src/db/migrate";
import { createTestDatabase, testBackends } from "../support/test-database";
import { startTestService } from "../support/test-service";

describe("OpenAPI document", () => {
  it("is generated from the contract for every route, with request and error schemas", async () => {
    const service = await startTestService("pglite");
    try {
      const doc = (await (await service.as("alice@contoso.com")).get("/api/openapi.json")).body;
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/lookup",
          "/api/customers",
          "/api/customers/{id}",
          "/api/email-log",
          "/api/reminders",
          "/api/activities",
        ]),
      );
      const createCustomer = doc.paths["/api/customers"].post;
      expect(createCustomer.requestBody.content["application/json"].schema.required).toEqual(
        expect.arrayContaining(["name", "status"]),
      );
      // The account number comes from the sequence unless a manager gives one.
      expect(createCustomer.requestBody.content["application/json"].schema.required).not.toContain("accountNumber");
      expect(Object.keys(createCustomer.responses)).toEqual(
        expect.arrayContaining(["201", "400", "401", "403", "409"]),
      );
      expect(Object.keys(doc.paths["/api/email-log"].post.responses)).toEqual(expect.arrayContaining(["200", "201"]));
      expect(doc.paths["/api/lookup"].get.parameters.map((p: { name: string }) => p.name)).toContain("email");
    } finally {
      await service.stop();
    }
  });
});

describe.each(testBackends())("migrations on %s", (backend) => {
  it("apply once, refuse an edited migration, and leave data alone on restart", async () => {
    const { db, drop } = await createTestDatabase(backend);
    try {
      expect(await migrate(db)).toEqual([]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
      fs.cpSync(path.resolve(__dirname, "../../prisma/migrations"), dir, { recursive: true });
      const first = fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory())[0]!;
      fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited after release\n");
      await expect(migrate(db, dir)).rejects.toThrow(/was changed after it was applied/);
      fs.rmSync(dir, { recursive: true, force: true });
      expect(await db.prisma.customerStatus.count()).toBeGreaterThan(0);
    } finally {
      await drop();
    }
  });
});
