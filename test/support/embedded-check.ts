import { PGlite } from "@electric-sql/pglite";
import { amcheck } from "@electric-sql/pglite/contrib/amcheck";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * amcheck's bt_index_check (with heapallindexed) over every B-tree index of a stopped service's
 * embedded database: answers the indexes that are corrupt, by name.
 */
export async function corruptIndexes(pgdata: string): Promise<string[]> {
  const pglite = await PGlite.create(pgdata, { extensions: { amcheck, pg_trgm } });
  try {
    await pglite.exec("CREATE EXTENSION IF NOT EXISTS amcheck");
    const indexes = await pglite.query<{ oid: number; name: string }>(
      `SELECT c.oid, c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' AND c.relpersistence <> 't'`,
    );
    const corrupt: string[] = [];
    for (const index of indexes.rows) {
      try {
        await pglite.query("SELECT bt_index_check($1::regclass, true)", [index.oid]);
      } catch (error) {
        corrupt.push(`${index.name}: ${(error as Error).message}`);
      }
    }
    return corrupt;
  } finally {
    await pglite.close();
  }
}
