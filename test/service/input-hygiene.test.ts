import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { type Leaf, type LeafKind, type Operation, fill, operationsOf } from "../support/openapi-walk";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// Every route the OpenAPI document lists gets bodies, queries and paths whose strings the database
// cannot store (NUL, a lone surrogate) or whose dates it should not (year 0000, 2201): each must be
// a 400 naming the field. The document is generated from the contract, so a new route or field is
// covered without touching this suite.

const SOME_ID = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const concrete = (operation: Operation, value = SOME_ID) => operation.path.replace(/\{(\w+)\}/g, () => value);

type Details = { field: string; message: string }[];

describe.each(testBackends())("input hygiene on %s", (backend) => {
  let service: TestService;
  let admin: ApiClient;
  let operations: Operation[];

  beforeAll(async () => {
    service = await startTestService(backend);
    // Route permissions are checked before the input: the admin may call every route.
    admin = await service.as("admin@contoso.com", "ADMIN");
    // The API's routes: not the health checks and the development sign-in, served before its pipeline.
    operations = operationsOf((await admin.get("/api/openapi.json")).body).filter((operation) => !operation.anonymous);
  });
  afterAll(() => service.stop());

  /** Sends every body (or query) with the chosen strings and lists what was not a 400 naming them. */
  async function sweep(
    where: "body" | "query",
    value: (kind: LeafKind) => string | number | undefined,
    message: RegExp,
  ) {
    const failures: string[] = [];
    let checked = 0;
    for (const operation of operations) {
      const leaves: Leaf[] = [];
      let response;
      if (where === "body") {
        if (!operation.body) continue;
        const body = fill(operation.body, "body", value, leaves);
        if (leaves.length === 0) continue;
        response = await admin.request(operation.method, concrete(operation), JSON.stringify(body));
      } else {
        const query = new URLSearchParams();
        for (const parameter of operation.query) {
          const before = leaves.length;
          const filled = fill(parameter.schema, `query.${parameter.name}`, value, leaves);
          // Only the parameters that got the value; a repeatable one once (?type=x).
          if (leaves.length > before) query.append(parameter.name, String(Array.isArray(filled) ? filled[0] : filled));
        }
        for (const leaf of leaves) leaf.field = leaf.field.replace(/\.0$/, "");
        if (leaves.length === 0) continue;
        response = await admin.request(operation.method, `${concrete(operation)}?${query}`);
      }
      const name = `${operation.method} ${operation.path}`;
      if (response.status !== 400) {
        failures.push(`${name}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        continue;
      }
      const details: Details = response.body.error.details ?? [];
      for (const leaf of leaves) {
        checked++;
        const named = details.filter(
          (detail) => detail.field === leaf.field || detail.field.startsWith(`${leaf.field}.`),
        );
        if (named.length === 0) failures.push(`${name}: ${leaf.field} not named`);
        // Free text has no other rule that could refuse the value: it must be the hygiene rule.
        else if (
          leaf.kind !== "constrained" &&
          leaf.kind !== "integer" &&
          !named.some((detail) => message.test(detail.message))
        )
          failures.push(`${name}: ${leaf.field} refused for another reason: ${named[0]!.message}`);
      }
    }
    return { failures, checked };
  }

  const text = (bad: string) => (kind: LeafKind) => (kind === "free-text" || kind === "constrained" ? bad : undefined);
  const dates = (day: string) => (kind: LeafKind) =>
    kind === "date" ? day : kind === "date-time" ? `${day}T09:00:00Z` : undefined;

  it("answers a NUL byte in any text of any body or query with a 400 naming the field", async () => {
    const body = await sweep("body", text("ok\u0000ok"), /NUL/);
    const query = await sweep("query", text("ok\u0000ok"), /NUL/);
    expect([...body.failures, ...query.failures]).toEqual([]);
    // The walk reached the contract's texts, not a handful.
    expect(body.checked).toBeGreaterThan(150);
    expect(query.checked).toBeGreaterThan(30);
  });

  // Only JSON can carry half a UTF-16 pair ("\ud800"): a URL is UTF-8, where it turns into U+FFFD.
  it("answers a lone surrogate in any text of any body with a 400 naming the field", async () => {
    const body = await sweep("body", text("ok\ud800ok"), /unpaired surrogate/);
    expect(body.failures).toEqual([]);
    expect(body.checked).toBeGreaterThan(150);
  });

  it.each([["0000-01-01"], ["1899-12-31"], ["2201-01-01"]])(
    "answers the day %s in any date of any body or query with a 400 naming the field",
    async (day) => {
      const body = await sweep("body", dates(day), /years 1900 to 2200/);
      const query = await sweep("query", dates(day), /years 1900 to 2200/);
      expect([...body.failures, ...query.failures]).toEqual([]);
      expect(body.checked).toBeGreaterThan(15);
      expect(query.checked).toBeGreaterThan(10);
    },
  );

  // PostgreSQL's integer is 32 bits: a version, position or count past it must not reach the database.
  it("answers an integer past 2^31 in any body or query with a 400 naming the field", async () => {
    const huge = (kind: LeafKind) => (kind === "integer" ? 2 ** 31 : undefined);
    const body = await sweep("body", huge, /./);
    const query = await sweep("query", huge, /./);
    expect([...body.failures, ...query.failures]).toEqual([]);
    expect(body.checked).toBeGreaterThan(30);
    expect(query.checked).toBeGreaterThan(10);
  });

  it("accepts the first and the last day of the range", async () => {
    expect((await admin.get("/api/reminders?until=1900-01-01")).status).toBe(200);
    expect((await admin.get("/api/reminders?until=2200-12-31")).status).toBe(200);
    const customer = await createCustomer(admin);
    const planned = await admin.post("/api/activities", {
      customerId: customer.id,
      type: "CALL",
      subject: "Far ahead",
      startsAt: "2200-12-31T09:00:00Z",
      timeZone: "Europe/Berlin",
    });
    expect(planned.status).toBe(201);
  });

  it("answers a NUL byte or broken percent-encoding in any path parameter with a 400 naming the path", async () => {
    const failures: string[] = [];
    for (const operation of operations.filter((candidate) => candidate.pathParams.length > 0)) {
      for (const [value, field] of [
        ["%00", `path.${operation.pathParams[0]}`],
        ["%ED%A0%80", "path"],
        ["%E0%A4%A", "path"],
      ] as const) {
        const response = await admin.request(operation.method, concrete(operation, value));
        const fields = (response.body?.error?.details ?? []).map((detail: { field: string }) => detail.field);
        if (response.status !== 400 || !fields.includes(field))
          failures.push(`${operation.method} ${operation.path} with ${value}: ${response.status} ${fields.join(",")}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers a body that is not JSON on every JSON route with 415, before reading it", async () => {
    const failures: string[] = [];
    for (const operation of operations.filter((candidate) => candidate.body)) {
      const response = await admin.request(operation.method, concrete(operation), "name=x", {
        "content-type": "application/x-www-form-urlencoded",
      });
      if (response.status !== 415 || response.body.error.details[0].field !== "header.content-type")
        failures.push(`${operation.method} ${operation.path}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  describe("bodies the parser cannot read", () => {
    const customer = () => JSON.stringify({ accountNumber: unique("ENC"), name: "Encoded GmbH", status: 1 });
    const send = (body: Uint8Array | string, headers: Record<string, string>) =>
      fetch(`${service.url}/api/customers`, {
        method: "POST",
        headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : new Uint8Array(body),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));

    it.each([
      ["gzip", gzipSync],
      ["deflate", deflateSync],
      ["br", brotliCompressSync],
    ] as const)("accepts a body compressed with %s", async (encoding, compress) => {
      const response = await send(compress(Buffer.from(customer())), { "content-encoding": encoding });
      expect(response.status).toBe(201);
      expect(response.body.name).toBe("Encoded GmbH");
    });

    it.each([
      ["malformed JSON", '{"name": ', {}, 400, "body", /not valid JSON/],
      ["JSON that is not an object", '"just a string"', {}, 400, "body", /not valid JSON/],
      [
        "a Latin-1 charset",
        customer(),
        { "content-type": "application/json; charset=latin1" },
        415,
        "header.content-type",
        /UTF-8/,
      ],
      [
        "an unknown charset",
        customer(),
        { "content-type": "application/json; charset=klingon" },
        415,
        "header.content-type",
        /UTF-8/,
      ],
      ["zstd", customer(), { "content-encoding": "zstd" }, 415, "header.content-encoding", /gzip, deflate or br/],
      [
        "a made-up Content-Encoding",
        customer(),
        { "content-encoding": "x-garbage" },
        415,
        "header.content-encoding",
        /gzip/,
      ],
      ["two Content-Encodings", customer(), { "content-encoding": "gzip, br" }, 415, "header.content-encoding", /gzip/],
      [
        "br that is not brotli",
        customer(),
        { "content-encoding": "br" },
        400,
        "header.content-encoding",
        /does not decode/,
      ],
      [
        "gzip that is not gzip",
        customer(),
        { "content-encoding": "gzip" },
        400,
        "header.content-encoding",
        /does not decode/,
      ],
      ["no Content-Type", customer(), { "content-type": "" }, 415, "header.content-type", /application\/json/],
      ["text/plain", customer(), { "content-type": "text/plain" }, 415, "header.content-type", /application\/json/],
      // fetch sends Content-Length: 0 for a POST without a body: a missing body, whatever its type says.
      ["an empty body", "", { "content-type": "" }, 400, "body", /expected object/],
    ] as const)("answers %s clearly", async (_what, body, headers, status, field, message) => {
      const response = await send(body, headers);
      expect(response.status).toBe(status);
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.details[0].field).toBe(field);
    });

    it("answers a body over 5 MB with 413, compressed or not", async () => {
      const huge = JSON.stringify({ accountNumber: unique("BIG"), name: "x".repeat(6_000_000), status: 1 });
      const plain = await send(huge, {});
      expect(plain.status).toBe(413);
      expect(plain.body.error).toMatchObject({ code: "payload_too_large", message: expect.stringMatching(/5 MB/) });
      // 6 MB of x compresses to a few kilobytes: the limit applies to what it inflates to.
      const bomb = await send(gzipSync(Buffer.from(huge)), { "content-encoding": "gzip" });
      expect(bomb.status).toBe(413);
      const searched = await admin.get(`/api/customers?search=BIG`);
      expect(searched.body.total).toBe(0);
    });
  });

  describe("search terms are literal", () => {
    it.each([
      ["%", "100% Steel", "100x Steel"],
      ["_", "Under_score Ltd", "Underxscore Ltd"],
      ["\\", "Back\\slash AG", "Backxslash AG"],
    ])("finds %s in customer names and contact names, and nothing else", async (term, literal, lookalike) => {
      const [withIt] = await Promise.all([
        createCustomer(admin, { name: literal }),
        createCustomer(admin, { name: lookalike }),
      ]);
      const [contact] = await Promise.all([
        createContact(admin, { lastName: literal }),
        createContact(admin, { lastName: lookalike }),
      ]);
      const alone = `search=${encodeURIComponent(term)}`;
      // The term alone: only names holding it (this suite's database has no other).
      const customers = await admin.get(`/api/customers?${alone}&limit=200`);
      expect(customers.body.items.map((item: { name: string }) => item.name)).toEqual([withIt.name]);
      const contacts = await admin.get(`/api/contacts?${alone}&limit=200`);
      expect(contacts.body.items.map((item: { id: string }) => item.id)).toEqual([contact.id]);
      // Within a longer term too: "100%" is not "100 then anything".
      const within = encodeURIComponent(literal.split(" ")[0]!);
      expect((await admin.get(`/api/customers?search=${within}`)).body.items).toHaveLength(1);
      expect((await admin.get(`/api/contacts?search=${within}`)).body.items).toHaveLength(1);
    });
  });
});
