import type { Server } from "node:http";
import { createApp } from "./app";
import { createTokenVerifier } from "./auth/token-verifier";
import {
  type CalendarSync,
  type CalendarSyncOverrides,
  createCalendarSync,
} from "./calendar-sync/calendar-sync.service";
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { type Logger, defaultLogger } from "./shared/logger";
import { seedDemoData } from "../../prisma/seed/demo-seed";
import { createHtmlCleaner } from "./shared/html-cleaner";

export interface RunningService {
  url: string;
  port: number;
  db: Database;
  server: Server;
  calendarSync: CalendarSync;
  stop(): Promise<void>;
}

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Where this process can reach itself: the interface it listens on, or loopback when that is every interface. */
function reachableHost(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** Opens the database, applies migrations, seeds when asked, and listens. Used by main and tests. */
export async function startService(
  config: Config,
  options: { inMemory?: boolean; db?: Database; calendarSync?: CalendarSyncOverrides; logger?: Logger } = {},
): Promise<RunningService> {
  const logger = options.logger ?? defaultLogger();
  const db =
    options.db ??
    (await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: options.inMemory ? null : config.dataDir },
      logger,
    ));
  await migrate(db);
  const calendarSync = createCalendarSync(config.calendarSync, db.prisma, { logger, ...options.calendarSync });
  // Seeded plans go through the same outbox as any other, so the demo calendar shows them too.
  if (config.seed === "demo") await seedDemoData(db.prisma, { outbox: calendarSync.outbox });
  const htmlCleaner = createHtmlCleaner(config.htmlCleaning);
  const app = createApp(config, db, await createTokenVerifier(config), calendarSync, htmlCleaner, logger);
  if (config.auth.mode === "development" && config.host && !isLoopback(config.host))
    logger.warn(
      `HOST=${config.host}: the service listens beyond this machine with the development issuer, whose tokens ` +
        "anyone holding DATA_DIR's key can mint. POST /api/dev/token still answers only callers on this machine. " +
        "Set AUTH_TENANT_ID and AUTH_AUDIENCE for anything but local development.",
    );
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host ?? "", (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  calendarSync.start();
  return {
    url: `http://${reachableHost(config.host)}:${port}`,
    port,
    db,
    server,
    calendarSync,
    async stop() {
      await calendarSync.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await htmlCleaner.close();
      if (!options.db) await db.close();
    },
  };
}
