import { loadConfig } from "./config";
import { startService } from "./server";
import { createLogger, defaultLogger } from "./shared/logger";

// Whatever this process creates is its own alone (DATA_DIR is 0700 and its files 0600 in any case).
process.umask(0o077);

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const service = await startService(config, { logger });
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  logger.info(`CRM service listening on ${service.url} with ${where}; auth: ${config.auth.mode}`);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: do not wait. Every acknowledged commit is on disk already.
      logger.warn(`${signal} again: exiting without waiting for requests`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: finishing accepted requests (at most ${config.shutdownTimeoutMs} ms), then stopping`);
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
