import { loadConfig } from "./config";
import { startService } from "./server";

async function main() {
  const config = loadConfig();
  const service = await startService(config);
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  console.log(`CRM service listening on ${service.url} with ${where}; auth: ${config.auth.mode}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Closing PGlite cleanly matters: it flushes the embedded database to DATA_DIR.
    await service.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
