// The floor of npm run bench: what GET /api/lookup and GET /api/customers?search= cost with nothing
// around them. node:http and pg only, no Express, no Prisma; the service's own SQL and mapping (its
// lookup service and repository, its customers repository), its token verifier with the same cache,
// and the same JSON, byte for byte (service.bench.ts compares a sample before it measures).
// A bench tool, not product code: no request log, no security headers, no rate limits, no zod; the
// distance between this and the service is what the service's per-request machinery costs.
// Run by bench/service.bench.ts as its own process (its CPU time is read from /proc), with the
// service's environment: DATABASE_URL, DATA_DIR (the development issuer's keys), PORT.
import http from "node:http";
import { dayInZone, nextDay, startOfDayInZone } from "contract/zoned-time";
import { Pool } from "pg";
import { SeenUsers } from "../service/src/auth/auth-middleware";
import type { CurrentUser } from "../service/src/auth/current-user";
import { createTokenVerifier } from "../service/src/auth/token-verifier";
import { loadConfig } from "../service/src/config";
import type { Database } from "../service/src/db/database";
import { createCustomersRepository } from "../service/src/features/customers/customers.repository";
import { createLookupRepository } from "../service/src/features/lookup/lookup.repository";
import { createLookupService } from "../service/src/features/lookup/lookup.service";
import { AppError } from "../service/src/shared/app-error";

async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error("The floor server runs on PostgreSQL only: set DATABASE_URL");
  const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
  // The repositories below call only db.query on these paths, the one the service's database offers
  // over the same pool (db/database.ts); there is no Prisma here to call.
  const db = {
    kind: "postgres",
    pool,
    query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
  } as unknown as Database;
  const lookup = createLookupService(createLookupRepository(db), config.orgDomains, {
    get: () => Promise.reject(new Error("the floor answers no include=record")),
  });
  const customers = createCustomersRepository(db);
  const verify = await createTokenVerifier(config);
  const seen = new SeenUsers();

  // What the service's auth middleware does per request once a user is known: verify (cached), then
  // the user from memory. The service upserts on first sight; the bench user exists already.
  const userOf = async (authorization: string | undefined): Promise<CurrentUser> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match) throw new AppError("unauthenticated", "Sign in: this request needs an Authorization: Bearer token");
    const identity = await verify(match[1]!);
    const known = seen.get(identity.oid, identity.role);
    if (known) return known;
    const { rows } = await pool.query<CurrentUser>(
      `SELECT id, oid, email, name, role::text AS role, "timeZone" FROM "User" WHERE oid = $1`,
      [identity.oid],
    );
    if (!rows[0]) throw new AppError("unauthenticated", "No such user");
    seen.remember(rows[0]);
    return rows[0];
  };

  const answer = async (request: http.IncomingMessage): Promise<unknown> => {
    const url = new URL(request.url ?? "/", "http://floor");
    if (url.pathname === "/api/health") return { status: "ok" }; // what the bench waits for
    const user = await userOf(request.headers.authorization);
    if (request.method === "GET" && url.pathname === "/api/lookup")
      return lookup.lookup(url.searchParams.getAll("email"), user);
    if (request.method === "GET" && url.pathname === "/api/customers" && url.searchParams.get("search")) {
      // The query as CustomerListQuery parses what the bench sends (a term and a limit), defaults included.
      const query = {
        search: url.searchParams.get("search")!.trim(),
        limit: Number(url.searchParams.get("limit") ?? 50),
        offset: Number(url.searchParams.get("offset") ?? 0),
        type: [],
        status: [],
        mine: "false" as const,
      };
      // As customers.service.ts: "due" ends with the caller's today.
      const dueBefore = startOfDayInZone(nextDay(dayInZone(new Date(), user.timeZone)), user.timeZone);
      return customers.search(query.search, query, user.id, dueBefore);
    }
    throw new AppError("not_found", "The floor answers GET /api/lookup and GET /api/customers?search= only");
  };

  const server = http.createServer((request, response) => {
    answer(request).then(
      (payload) => send(response, 200, payload),
      (error: unknown) => {
        const code = error instanceof AppError ? error.code : "internal";
        const status = code === "unauthenticated" ? 401 : code === "not_found" ? 404 : 500;
        send(response, status, { error: { code, message: (error as Error).message } });
      },
    );
  });
  server.keepAliveTimeout = 5000;
  server.listen(config.port, "127.0.0.1");
  process.once("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    void pool.end();
  });
}

function send(response: http.ServerResponse, status: number, payload: unknown) {
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
