import type { Database } from "./database";
import { migrationNames } from "./migrate";

let known: string[] | undefined;

/** reason is for anyone who asks (no host, user or driver text); detail is for the log. */
export type DatabaseHealth = { ok: true; migrations: number } | { ok: false; reason: string; detail?: string };

/**
 * Whether the database answers within timeoutMs and has every migration this build knows applied.
 * Never throws. (PGlite answers one query at a time: behind a long query this times out, truthfully.)
 */
export async function checkDatabase(db: Database, timeoutMs: number): Promise<DatabaseHealth> {
  const expected = (known ??= migrationNames());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `the database did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const check = db
    .query<{ applied: number }>(
      `SELECT count(*)::int AS applied FROM "_prisma_migrations"
        WHERE migration_name = ANY($1::text[]) AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      [expected],
    )
    .then(([row]): DatabaseHealth => {
      const applied = row?.applied ?? 0;
      return applied === expected.length
        ? { ok: true, migrations: applied }
        : { ok: false, reason: `${expected.length - applied} of ${expected.length} migrations are not applied` };
    })
    .catch((error: Error): DatabaseHealth => ({
      ok: false,
      reason: "the database does not answer",
      detail: error.message,
    }));
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
