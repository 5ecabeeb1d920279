import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";
import { createLogger } from "../../service/src/shared/logger";

// A secret planted in every kind of failing request (bodies, queries, headers, tokens) must never
// reach the log, while each request still leaves a line with its id. The service logs through the
// pino logger the suite hands it, so every line it writes is captured here.

// Short enough for every field it is planted in (an account number holds 40 characters).
const SECRET = `s3cr3t-${randomUUID().slice(0, 13)}`;

interface LogLine {
  level: number;
  reqId?: string;
  msg: string;
  status?: number;
  errorCode?: string;
  method?: string;
  path?: string;
  err?: { type: string; code?: string; message: string; stack?: string[] };
}

describe.each(testBackends())("logs on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  const lines: string[] = [];

  beforeAll(async () => {
    const logger = createLogger({ level: "trace", destination: { write: (line: string) => void lines.push(line) } });
    service = await startTestService(backend, { LOG_REQUESTS: "1" }, { logger });
    alice = await service.as("alice@contoso.com");
    // Two database failures on demand, raised by PostgreSQL itself while the note's values are bound:
    // a foreign key violation, and an error whose message and detail quote the row (as many do).
    await service.service.db.query(`
      CREATE FUNCTION planted_note_fault() RETURNS trigger AS $$
      BEGIN
        IF NEW."bodyHtml" LIKE '%fk-fault%' THEN NEW."customerId" := gen_random_uuid(); END IF;
        IF NEW."bodyHtml" LIKE '%internal-fault%' THEN
          RAISE EXCEPTION 'planted failure for %', NEW."bodyHtml" USING DETAIL = NEW."bodyText";
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await service.service.db.query(
      `CREATE TRIGGER planted_note_fault BEFORE INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION planted_note_fault()`,
    );
  });
  afterAll(() => service.stop());

  const parsed = () => lines.map((line) => JSON.parse(line) as LogLine);
  const raw = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
    fetch(`${service.url}${path}`, init).then(async (response) => ({
      status: response.status,
      headers: response.headers,
      body: (await response.text()) || undefined,
    }));
  const json = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    raw(path, {
      method: "POST",
      headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : new Uint8Array(body),
    });

  it("keeps a planted secret out of the log in every kind of failing request, and logs each one", async () => {
    const customer = await createCustomer(alice);
    const taken = `${SECRET}-account`;
    await createCustomer(alice, { accountNumber: taken });
    const failing: [string, number, () => Promise<{ status: number; headers: Headers; body?: unknown }>][] = [
      ["bad JSON body", 400, () => json("/api/customers", `{"name": "${SECRET}`)],
      [
        "oversized body",
        413,
        () => json("/api/customers", JSON.stringify({ name: `${SECRET}${"x".repeat(6_000_000)}${SECRET}` })),
      ],
      [
        "compressed body inflating past the limit",
        413,
        () =>
          json("/api/customers", gzipSync(JSON.stringify({ name: SECRET, notes: "x".repeat(6_000_000) })), {
            "content-encoding": "gzip",
          }),
      ],
      ["unsupported Content-Encoding", 415, () => json("/api/customers", SECRET, { "content-encoding": "zstd" })],
      [
        "unsupported charset",
        415,
        () => json("/api/customers", SECRET, { "content-type": "application/json; charset=latin1" }),
      ],
      [
        "form body on a JSON route",
        415,
        () => json("/api/customers", `name=${SECRET}`, { "content-type": "text/plain" }),
      ],
      [
        "bad token",
        401,
        () => raw("/api/customers", { headers: { authorization: `Bearer ${SECRET}.${SECRET}.${SECRET}` } }),
      ],
      ["no bearer scheme", 401, () => raw("/api/customers", { headers: { authorization: `Basic ${SECRET}` } })],
      [
        "validation error",
        400,
        () => alice.post("/api/customers", { accountNumber: SECRET, name: `${SECRET}\u0000`, status: SECRET }),
      ],
      [
        "unique violation",
        409,
        async () =>
          (await alice.identity!.accounts()).post("/api/customers", { accountNumber: taken, name: SECRET, status: 2 }),
      ],
      ["not-found record", 404, () => alice.get(`/api/customers/${randomUUID()}?note=${SECRET}`)],
      ["not-found update", 404, () => alice.patch(`/api/notes/${randomUUID()}`, { version: 1, bodyHtml: SECRET })],
      ["not-found route", 404, () => alice.get(`/api/no-such-route?q=${SECRET}`)],
      [
        "stale version",
        409,
        () => alice.patch(`/api/customers/${customer.id}`, { version: 99, name: SECRET, phone: SECRET }),
      ],
      [
        // The note's customer is gone by the time it is written: 404 naming body.customerId.
        "foreign key failure in the database",
        404,
        () => alice.post("/api/notes", { customerId: customer.id, bodyHtml: `<p>fk-fault ${SECRET}</p>` }),
      ],
      [
        "internal error in the database",
        500,
        () => alice.post("/api/notes", { customerId: customer.id, bodyHtml: `<p>internal-fault ${SECRET}</p>` }),
      ],
      ["a search that succeeds", 200, () => alice.get(`/api/customers?search=${SECRET}`)],
    ];

    const answered: { name: string; status: number; requestId: string }[] = [];
    for (const [name, status, send] of failing) {
      const response = await send();
      expect([name, response.status]).toEqual([name, status]);
      answered.push({ name, status, requestId: response.headers.get("x-request-id")! });
    }
    // Each request's line is written when its response has gone out.
    await waitFor(() => answered.every(({ requestId }) => parsed().some((line) => line.reqId === requestId)));

    expect(lines.filter((line) => line.includes(SECRET))).toEqual([]);
    expect(lines.filter((line) => line.includes(alice.token!))).toEqual([]);
    expect(lines.filter((line) => /bearer|authorization/i.test(line))).toEqual([]);
    for (const { name, status, requestId } of answered) {
      const requestLine = parsed().find((line) => line.reqId === requestId && line.status !== undefined);
      expect([name, requestLine?.status]).toEqual([name, status]);
    }
  });

  it("logs an internal error as its class, code and stack only, under the id the caller was given", async () => {
    const customer = await createCustomer(alice);
    const failed = await alice.request(
      "POST",
      "/api/notes",
      { customerId: customer.id, bodyHtml: `<p>internal-fault ${SECRET}</p>` },
      { "x-request-id": "support-ticket-4711" },
    );
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-request-id")).toBe("support-ticket-4711");
    expect(failed.body.error).toMatchObject({ code: "internal", requestId: "support-ticket-4711" });
    await waitFor(() => parsed().some((line) => line.reqId === "support-ticket-4711" && line.status === 500));
    const [errorLine] = parsed().filter((line) => line.reqId === "support-ticket-4711" && line.level === 50);
    expect(errorLine).toMatchObject({ msg: "request failed", method: "POST", path: "/api/notes" });
    // PL/pgSQL's RAISE EXCEPTION is SQLSTATE P0001; the message that quoted the row is withheld.
    expect(errorLine!.err).toMatchObject({ code: "P0001", message: "(withheld)" });
    expect(errorLine!.err!.type).toMatch(/Error$/);
    expect(errorLine!.err!.stack!.length).toBeGreaterThan(0);
    expect(JSON.stringify(errorLine)).not.toContain(SECRET);
  });

  it("replaces an ill-formed X-Request-Id instead of logging it", async () => {
    const response = await alice.request("GET", "/api/me", undefined, { "x-request-id": `${SECRET} <script>` });
    const id = response.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => parsed().some((line) => line.reqId === id));
    expect(lines.filter((line) => line.includes(SECRET))).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("the log lines did not arrive");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
