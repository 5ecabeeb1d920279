import { loadConfig } from "./config";
import { startService } from "./server";
import { createLogger, defaultLogger } from "./shared/logger";

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const service = await startService(config, { logger });
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  logger.info(`CRM service listening on ${service.url} with ${where}; auth: ${config.auth.mode}`);
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
  defaultLogger().fatal({ err: error }, "the service did not start");
  // Start-up refusals are the operator's to read (a missing variable, a locked DATA_DIR): plain, on stderr.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
