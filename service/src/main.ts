import { loadConfig } from "./config";
import { startService } from "./server";

// Whatever this process creates is its own alone (DATA_DIR is 0700 and its files 0600 in any case).
process.umask(0o077);

async function main() {
  const config = loadConfig();
  const service = await startService(config);
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}`;
  console.log(`CRM service listening on ${service.url} with ${where}; auth: ${config.auth.mode}`);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: do not wait. Every acknowledged commit is on disk already.
      console.warn(`${signal} again: exiting without waiting for requests`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing accepted requests (at most ${config.shutdownTimeoutMs} ms), then stopping`);
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
