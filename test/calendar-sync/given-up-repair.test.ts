import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../service/src/db/database";
import { MIGRATIONS_DIR, migrate } from "../../service/src/db/migrate";

// Before this migration the worker gave up after 12 unanswered (or 429/5xx) attempts: FAILED with
// "Outlook did not accept this change after 12 attempts: …" and the outbox entry dropped, so the
// activity never reached Outlook. The migration queues those again; refusals stay FAILED.
describe("the migration that ends giving up on outages", () => {
  it("queues activities the old limit gave up on again, and leaves refused ones FAILED", async () => {
    const db = await openDatabase({ dataDir: null });
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
    try {
      const all = fs.readdirSync(MIGRATIONS_DIR).filter((name) => !name.endsWith(".toml"));
      for (const name of all.filter((name) => name < "20261201100000_sync_waiting"))
        fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
      await migrate(db, before);
      const [user] = await db.query<{ id: string }>(
        `INSERT INTO "User" (id, oid, email, name) VALUES (gen_random_uuid(), 'o1', 'old@contoso.com', 'Old') RETURNING id`,
      );
      const activity = (subject: string, error: string) =>
        db.query<{ id: string }>(
          `INSERT INTO "Activity" (id, type, subject, "startsAt", "endsAt", "timeZone", "ownerId", "createdById", "modifiedById", "syncState", "syncError", version)
           VALUES (gen_random_uuid(), 'MEETING', $1, now(), now(), 'UTC', $2, $2, $2, 'FAILED', $3, 3) RETURNING id`,
          [subject, user!.id, error],
        );
      const [givenUp] = await activity(
        "Given up during an outage",
        "Outlook did not accept this change after 12 attempts: Graph did not answer",
      );
      const [refused] = await activity("Refused", "Outlook refused this change (ErrorInvalidRequest): bad time zone");

      await migrate(db);
      const rows = await db.query<{ id: string; syncState: string; syncError: string | null }>(
        `SELECT id, "syncState", "syncError" FROM "Activity"`,
      );
      expect(rows.find((row) => row.id === givenUp!.id)).toMatchObject({ syncState: "PENDING", syncError: null });
      expect(rows.find((row) => row.id === refused!.id)).toMatchObject({ syncState: "FAILED" });
      const queued = await db.query<{ activityId: string; activityVersion: number }>(
        `SELECT "activityId", "activityVersion" FROM "CalendarOutbox"`,
      );
      expect(queued).toEqual([{ activityId: givenUp!.id, activityVersion: 3 }]);
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
      await db.close();
    }
  });
});
