import type { Role } from "contract";
import { type GraphFakeServer, startGraphFakeServer } from "../../../demo/graph-fake/fake-graph.server";
import type { SqlSession } from "../../../service/src/db/database";
import { type TestService, startTestService } from "../../support/test-service";

// The real service for the pane's jsdom suites. It runs in the jest worker's own Node realm, not in
// jsdom's: the pane environment (pane-environment.ts) loads this file, so the service sees Node's
// globals as in production (PGlite and Prisma load their WebAssembly as they do there). One service
// and one in-memory database per worker (and per calendar-sync setting), started by the first suite
// and kept for every later suite of that worker. Suites reach it over real HTTP on loopback; this
// file only starts it, signs development tokens, relays the suites' own arranging calls, and puts the
// database back to the suite's world before each test.

export interface PaneServiceOptions {
  /** Calendar sync against the Graph fake (a local HTTP server), pushed only on "sync now". */
  calendarSync?: boolean;
}

export interface SignedInUser {
  email: string;
  name: string;
  role: Role;
}

/** A request the suite makes itself (arranging data, reading what was stored), outside the pane's fetch. */
export interface RelayedRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Text as is (JSON), or bytes as base64 (uploads). */
  body?: string;
  bodyBase64?: string;
}

export interface RelayedResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** What crosses from the worker's realm into jsdom's: plain values and functions only. */
export interface PaneService {
  url: string;
  token(user: SignedInUser): Promise<string>;
  relay(request: RelayedRequest): Promise<RelayedResponse>;
  /** The world (as JSON) an earlier suite entered under this key, restored into the database; null if none yet. */
  enter(key: string): Promise<string | null>;
  /** Empties the database (users aside) before a suite enters a new world through the API. */
  clear(): Promise<void>;
  /** Keeps the world just entered under its key: restore() puts it back before each test. */
  keep(key: string, world: string): Promise<void>;
  /** Puts every table back as keep() found it (sequences too), if anything was written since. */
  restore(key: string): Promise<void>;
  /**
   * SQL on the service's database, for the one arrangement the API cannot make: when something
   * happened (the service stamps notes and lifecycle changes with its own clock). Rows as JSON.
   */
  sql(text: string, params?: unknown[]): Promise<string>;
  /** The Graph fake behind the calendar sync, when the suite asked for it. */
  graph?: GraphFakeServer["fake"];
  /**
   * A message arrives in a user's Inbox in the Graph fake (with the calendar sync's fake): what the
   * service then reads through Graph. Answers its REST id and Message-ID as JSON.
   */
  receiveMail?(
    userEmail: string,
    message: { from: string; to?: string[]; cc?: string[]; subject: string; bodyHtml?: string },
  ): Promise<string>;
  stop(): Promise<void>;
}

interface KeptWorld {
  world: string;
  /** The schema holding a copy of every per-test table. */
  schema: string;
  /** Where each sequence stands: its last number drawn (null: none yet), and the value it was set to. */
  sequences: { name: string; last: string | null; start: string }[];
}

// Reference data from the migrations, and the suites' item master (test-items.ts), is never touched. Users are kept across tests: the service
// remembers them by id for minutes (SeenUsers), and they sign in again with the same id anyway.
const UNTOUCHED = new Set(["_prisma_migrations", "CustomerStatus", "Item"]);
const KEPT_ACROSS_TESTS = "User";

export async function startPaneService(options: PaneServiceOptions = {}): Promise<PaneService> {
  const graph = options.calendarSync ? await startGraphFakeServer() : undefined;
  let service: TestService;
  try {
    service = await startTestService(
      "pglite",
      graph
        ? {
            GRAPH_BASE_URL: graph.baseUrl,
            GRAPH_STATIC_TOKEN: "fake-{user}",
            // No background rounds: the pane's "Sync with Outlook" runs one, so a test sees only what it asked for.
            SYNC_INTERVAL_MS: "0",
            GRAPH_TIMEOUT_MS: "2000",
          }
        : {},
    );
  } catch (error) {
    await graph?.close();
    throw error;
  }
  // The service lives as long as the worker, with idle gaps between suites: were it to close an idle
  // keep-alive connection (after 5 s by default) just as fetch reuses it, the request would fail with
  // ECONNRESET. Idle connections stay open for the worker's life instead; stop() closes them.
  service.service.server.keepAliveTimeout = 10 * 60_000;
  const db = service.service.db;
  const perTest = (
    await db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  )
    .map((row) => row.tablename)
    .filter((name) => !UNTOUCHED.has(name) && name !== KEPT_ACROSS_TESTS);

  // A test that only read leaves the database as it found it: nothing to put back. Any other request
  // (the pane's or the suite's own) marks it written. GETs write nothing but the signed-in User row,
  // which is kept across tests anyway.
  let written = true;
  let current: string | undefined;
  service.service.server.on("request", (request: { method?: string }) => {
    if (request.method !== "GET" && request.method !== "HEAD") written = true;
  });

  const worlds = new Map<string, KeptWorld>();
  const truncate = () =>
    db.query(`TRUNCATE TABLE ${perTest.map((name) => `"${name}"`).join(", ")} RESTART IDENTITY CASCADE`);
  const withoutForeignKeys = (fn: (session: SqlSession) => Promise<void>) =>
    db.withSession(async (session) => {
      // Foreign keys are not checked while a copy goes in: it was consistent when it was taken.
      await session.exec("SET session_replication_role = replica");
      try {
        await fn(session);
      } finally {
        await session.exec("SET session_replication_role = DEFAULT");
      }
    });
  const restore = async (key: string) => {
    const kept = worlds.get(key);
    if (!kept) throw new Error(`restore(${key}) before keep()`);
    if (!written && current === key) return;
    // RESTART IDENTITY, then the sequences as they were: quote numbers start where the world left them.
    await truncate();
    await withoutForeignKeys(async (session) => {
      for (const name of perTest)
        await session.exec(`INSERT INTO public."${name}" SELECT * FROM ${kept.schema}."${name}"`);
      for (const { name, last, start } of kept.sequences)
        await session.query(`SELECT setval($1, $2, $3)`, [`public."${name}"`, last ?? start, last !== null]);
    });
    // The sync's state went with the tables; Outlook's calendars start empty again too.
    graph?.fake.clearFaults();
    for (const mailbox of graph?.fake.mailboxes() ?? []) mailbox.events.clear();
    written = false;
    current = key;
  };

  const tokens = new Map<string, Promise<string>>();
  return {
    url: service.url,
    token(user) {
      const id = `${user.email}\n${user.role}\n${user.name}`;
      if (!tokens.has(id))
        tokens.set(
          id,
          service.as(user.email, user.role, user.name).then((client) => client.token!),
        );
      return tokens.get(id)!;
    },
    async relay(request) {
      const response = await fetch(`${service.url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.bodyBase64 !== undefined ? Buffer.from(request.bodyBase64, "base64") : request.body,
      });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        text: await response.text(),
      };
    },
    async enter(key) {
      if (!worlds.has(key)) return null;
      await restore(key);
      return worlds.get(key)!.world;
    },
    async clear() {
      await truncate();
      graph?.fake.clearFaults();
      for (const mailbox of graph?.fake.mailboxes() ?? []) mailbox.events.clear();
      written = true;
      current = undefined;
    },
    async keep(key, world) {
      const schema = `pane_world_${worlds.size}`;
      // Read from each sequence itself: pg_sequences says null for one set (setval … false) but not drawn
      // from yet, such as the account numbers' (it starts after the numbers in use), not where it stands.
      const names = await db.query<{ name: string }>(
        `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`,
      );
      const sequences = [];
      for (const { name } of names) {
        const [row] = await db.query<{ last: string; called: boolean }>(
          `SELECT last_value::text AS last, is_called AS called FROM public."${name}"`,
        );
        sequences.push({ name, last: row!.called ? row!.last : null, start: row!.last });
      }
      await db.withSession(async (session) => {
        await session.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
        for (const name of perTest)
          await session.exec(`CREATE TABLE ${schema}."${name}" AS SELECT * FROM public."${name}"`);
      });
      worlds.set(key, { world, schema, sequences });
      written = false;
      current = key;
    },
    restore,
    async sql(text, params) {
      written = true;
      return JSON.stringify(await db.query(text, params));
    },
    graph: graph?.fake,
    receiveMail: graph
      ? async (userEmail, message) => {
          const stored = graph.mail.outlook.receive(`fake-${userEmail}`, {
            from: { address: message.from },
            to: (message.to ?? [userEmail]).map((address) => ({ address })),
            cc: (message.cc ?? []).map((address) => ({ address })),
            subject: message.subject,
            bodyHtml: message.bodyHtml ?? `<p>${message.subject}</p>`,
          });
          return JSON.stringify({ id: stored.id, internetMessageId: stored.internetMessageId });
        }
      : undefined,
    async stop() {
      await service.stop();
      await graph?.close();
    },
  };
}
