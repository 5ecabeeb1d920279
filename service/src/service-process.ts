import { loadConfig } from "./config";
import { type Seed, startService } from "./server";
import { createLogger, defaultLogger } from "./shared/logger";

/**
 * The service as an operating-system process: configuration from the environment, the logger, a
 * graceful stop on SIGINT/SIGTERM and exit code 1 when it cannot start. The service knows no demo
 * data: SEED=demo works only when the entry hands the demo seed in (scripts/service.ts does).
 */
export function runServiceProcess(options: { demoSeed?: Seed } = {}): void {
  // Whatever this process creates is its own alone (DATA_DIR is 0700 and its files 0600 in any case).
  process.umask(0o077);
  main(options).catch((error) => {
    defaultLogger().fatal({ err: error }, "the service did not start");
    // Start-up refusals are the operator's to read (a missing variable, a locked DATA_DIR): plain, on stderr.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

async function main(options: { demoSeed?: Seed }) {
  const config = loadConfig();
  if (config.seed === "demo" && !options.demoSeed)
    throw new Error("SEED=demo: this entry carries no demo data; start the service with `npm run service` instead");
  const logger = createLogger({ level: config.logLevel });
  const seed = config.seed === "demo" ? options.demoSeed : undefined;
  const service = await startService(config, { logger, seed });
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  logger.info(`CRM service listening on ${service.url} with ${where}; auth: ${config.auth.mode}`);
  let stoppingSince: number | undefined;
  const stop = async (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // The same signal often comes twice at once (the process group's, and tsx or npm passing it on):
      // only a second one a moment later (a second Ctrl-C) means "do not wait".
      if (Date.now() - stoppingSince < 1_000) return;
      logger.warn(`${signal} again: exiting without waiting for requests`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info(`${signal}: finishing accepted requests (at most ${config.shutdownTimeoutMs} ms), then stopping`);
    await service.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
