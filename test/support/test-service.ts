import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Role } from "contract";
import { loadOrCreateDevKeys, signDevToken } from "../../service/src/auth/dev-issuer";
import type { CalendarSyncOverrides } from "../../service/src/calendar-sync/calendar-sync.service";
import { loadConfig } from "../../service/src/config";
import {
  type LoanerReminderOverrides,
  type LogOnSendOverrides,
  type TrackingOverrides,
  startService,
  type RunningService,
} from "../../service/src/server";
import type { Logger } from "../../service/src/shared/logger";
import type { Database } from "../../service/src/db/database";
import { ApiClient } from "./api-client";
import { type Backend, createTestDatabase } from "./test-database";
import { seedTestItems } from "./test-items";

export interface TestService {
  backend: Backend;
  url: string;
  /** Where the service keeps its development issuer's key. */
  dataDir: string;
  /** The suite's own PostgreSQL database (postgres backend only), e.g. for a second replica. */
  databaseUrl?: string;
  service: RunningService;
  /** The service's own database, for suites that look under the HTTP surface (the record's statement count). */
  db: Database;
  /** An API client signed in as this user (development issuer); the name defaults to one made from the address. */
  as(email: string, role?: Role, name?: string): Promise<ApiClient>;
  anonymous(): ApiClient;
  stop(): Promise<void>;
}

/** The real service over real HTTP on a fresh database of the given backend. */
export async function startTestService(
  backend: Backend,
  env: Record<string, string> = {},
  options: {
    logger?: Logger;
    calendarSync?: CalendarSyncOverrides;
    logOnSend?: LogOnSendOverrides;
    tracking?: TrackingOverrides;
    loanerReminders?: LoanerReminderOverrides;
  } = {},
): Promise<TestService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-test-"));
  const database = await createTestDatabase(backend);
  await seedTestItems(database.db);
  // Suites send far more than a person would (the hostile corpus, the authorisation walk): the limits
  // are off unless a suite sets them; test/service/rate-limits.test.ts checks them at the defaults too.
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: dataDir,
    SEED: "none",
    ORG_DOMAINS: "contoso.com",
    RATE_LIMIT_PER_USER: "0",
    RATE_LIMIT_PER_ADDRESS: "0",
    ...env,
  });
  const service = await startService(config, {
    db: database.db,
    logger: options.logger,
    calendarSync: options.calendarSync,
    logOnSend: options.logOnSend,
    tracking: options.tracking,
    loanerReminders: options.loanerReminders,
  });
  const keys = await loadOrCreateDevKeys(dataDir);
  let accounts: Promise<ApiClient> | undefined;
  const accountsClient = () =>
    (accounts ??= signDevToken(keys, { email: "accounts@contoso.com", role: "MANAGER" }).then(
      (token) => new ApiClient(service.url, token),
    ));
  return {
    backend,
    url: service.url,
    dataDir,
    databaseUrl: database.databaseUrl,
    service,
    db: database.db,
    async as(email, role = "SALESMAN", name) {
      return new ApiClient(service.url, await signDevToken(keys, { email, role, name }), {
        role,
        accounts: accountsClient,
      });
    },
    anonymous: () => new ApiClient(service.url),
    async stop() {
      await service.stop();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
