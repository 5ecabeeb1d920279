import fs from "node:fs";
import { stopPostgresServer } from "./postgres-server";

export default async function globalTeardown() {
  if (process.env.TEST_PGLITE_TEMPLATE_DIR)
    fs.rmSync(process.env.TEST_PGLITE_TEMPLATE_DIR, { recursive: true, force: true });
  if (process.env.TEST_POSTGRES_DIR) stopPostgresServer(process.env.TEST_POSTGRES_DIR);
}
