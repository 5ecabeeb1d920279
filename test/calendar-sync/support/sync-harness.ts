import { setupServer } from "msw/node";
import { createStaticTokenProvider } from "../../../service/src/calendar-sync/auth/static-token.provider";
import { loadCalendarSyncConfig } from "../../../service/src/calendar-sync/calendar-sync.config";
import {
  type CalendarSyncOverrides,
  createCalendarSync,
} from "../../../service/src/calendar-sync/calendar-sync.service";
import { createGraphCalendarGateway } from "../../../service/src/calendar-sync/graph/calendar-gateway";
import { type GraphFake, createGraphFake } from "../../../demo/graph-fake/fake-graph.handler";
import { graphFakeHandlers } from "../../../demo/graph-fake/fake-graph.msw";
import type { ApiClient } from "../../support/api-client";
import type { Backend } from "../../support/test-database";
import { type TestService, startTestService } from "../../support/test-service";

export const GRAPH_BASE_URL = "https://graph.fake.test/v1.0";
/** Each user gets a mailbox of their own in the fake: the token names them. */
export const tokenOf = (email: string) => `fake-${email}`;

/** The Graph fake behind msw for a whole suite; the service's own HTTP passes through untouched. */
export function useGraphFake(options: { pageSize?: number; now?: () => number } = {}) {
  const holder = { fake: createGraphFake({ baseUrl: GRAPH_BASE_URL, ...options }) };
  const server = setupServer(...graphFakeHandlers(holder.fake, GRAPH_BASE_URL));
  beforeAll(() => server.listen({ onUnhandledRequest: "bypass" }));
  afterAll(() => server.close());
  return holder as { readonly fake: GraphFake };
}

export const SYNC_ENV = {
  GRAPH_BASE_URL,
  GRAPH_STATIC_TOKEN: "fake-{user}",
  SYNC_INTERVAL_MS: "0",
  GRAPH_TIMEOUT_MS: "2000",
  // The suites plan on fixed days (planActivity's 2026-12-03, series through December 2026): a past
  // window of ten years keeps them inside it long after, where the default 30 days would drop them
  // from every pull a month on. A test of the window's edge sets its own.
  SYNC_WINDOW_PAST_DAYS: "3650",
};

export function startSyncService(
  backend: Backend,
  env: Record<string, string> = {},
  calendarSync?: CalendarSyncOverrides,
): Promise<TestService> {
  return startTestService(backend, { ...SYNC_ENV, ...env }, { calendarSync });
}

const HOUR_MS = 3_600_000;

// An activity that moves only its start lasts the default hour from there: the default end is a
// fixed instant, which a start relative to now passes some hours into the day it names.
function hourFrom(startsAt: unknown): string | undefined {
  const start = typeof startsAt === "string" ? Date.parse(startsAt) : NaN;
  return Number.isNaN(start) ? undefined : new Date(start + HOUR_MS).toISOString();
}

export async function planActivity(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const end = "endsAt" in overrides ? undefined : hourFrom(overrides.startsAt);
  const endsAt = end ? { endsAt: end } : {};
  const response = await client.post("/api/activities", {
    type: "MEETING",
    subject: "Quarterly review",
    startsAt: "2026-12-03T09:00:00.000Z",
    endsAt: "2026-12-03T10:00:00.000Z",
    timeZone: "Europe/Berlin",
    reminderMinutesBefore: 15,
    ...endsAt,
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`activity: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function syncNow(client: ApiClient) {
  const response = await client.post("/api/sync/run", {});
  if (response.status !== 200) throw new Error(`sync: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A second service replica's sync over the same database (and its own leases), as tests need it. */
export function anotherReplica(
  prisma: import("../../../service/src/generated/prisma/client").PrismaClient,
  overrides: CalendarSyncOverrides = {},
  env: Record<string, string> = {},
) {
  const config = loadCalendarSyncConfig({ ...SYNC_ENV, ...env });
  return createCalendarSync(config, prisma, overrides);
}

/** The gateway a replica would use, to wrap with faults of the process itself (a crash). */
export function realGateway(baseUrl = GRAPH_BASE_URL) {
  return createGraphCalendarGateway(createStaticTokenProvider(SYNC_ENV.GRAPH_STATIC_TOKEN), {
    baseUrl,
    timeoutMs: 2_000,
    maxRetries: 3,
  });
}

export async function activityOf(client: ApiClient, id: string) {
  return (await client.get(`/api/activities/${id}`)).body;
}
