import { stopPostgresServer } from "./postgres-server";

export default async function globalTeardown() {
  if (process.env.TEST_POSTGRES_DIR) stopPostgresServer(process.env.TEST_POSTGRES_DIR);
}
