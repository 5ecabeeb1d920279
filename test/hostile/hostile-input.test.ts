/* eslint-disable @typescript-eslint/no-explicit-any -- the suite reads arbitrary JSON bodies */
import { browserAvailable } from "../browser/support/browser";
import type { ApiClient, ApiResponse } from "../support/api-client";
import { parseCsv } from "../support/csv-parse";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";
import {
  FORMULA_INJECTION,
  type Ids,
  REQUEST_CASES,
  type RequestCase,
  SCRIPT_INJECTION,
  SQL_INJECTION,
} from "./hostile-corpus";
import { type Finding, type ScriptDetector, startScriptDetector } from "./support/script-detector";

// The hostile-input corpus through every text entry point, on both databases: each answer is a 4xx
// naming the field or the input stored safely (HTML sanitised, text verbatim), never a 500; search
// with SQL metacharacters finds exactly what contains them; the CSV export starts no cell with a
// formula; the service stays up. Stored HTML is then rendered in Chromium, where nothing may run.

/** What each kind of input produced, printed at the end (and quoted in the change's notes). */
const tally = new Map<string, Map<string, number>>();
const count = (kind: string, outcome: string) => {
  const outcomes = tally.get(kind) ?? new Map<string, number>();
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  tally.set(kind, outcomes);
};
/** Every distinct stored HTML body from both databases, with the case that produced it. */
const storedHtml = new Map<string, string>();

/** A plain-text field: stored exactly as sent (trimmed where the contract trims), or a 400 naming it. */
interface TextEntryPoint {
  name: string;
  field: string;
  max: number;
  trims: boolean;
  send(client: ApiClient, ids: Ids, value: string): Promise<ApiResponse>;
  stored(body: any): string;
}

const message = (ids: Ids, overrides: Record<string, unknown>) => ({
  internetMessageId: `<${unique("hostile")}@attacker.example>`,
  from: { email: "eve@attacker.example" },
  sentAt: "2026-11-20T09:30:00+01:00",
  customerId: ids.customerId,
  ...overrides,
});

const TEXT_ENTRY_POINTS: TextEntryPoint[] = [
  {
    name: "customer name",
    field: "body.name",
    max: 200,
    trims: true,
    send: (client, _ids, value) => client.post("/api/customers", { name: value, status: 2 }),
    stored: (body) => body.name,
  },
  {
    name: "customer city",
    field: "body.address.city",
    max: 100,
    trims: true,
    send: (client, _ids, value) => client.post("/api/customers", { name: "City", status: 2, address: { city: value } }),
    stored: (body) => body.address.city,
  },
  {
    name: "contact last name",
    field: "body.lastName",
    max: 100,
    trims: true,
    send: (client, ids, value) =>
      client.post("/api/contacts", { customerId: ids.customerId, firstName: "Eve", lastName: value }),
    stored: (body) => body.lastName,
  },
  {
    name: "contact address city",
    field: "body.addresses.0.city",
    max: 100,
    trims: true,
    send: (client, ids, value) =>
      client.post("/api/contacts", {
        customerId: ids.customerId,
        firstName: "Eve",
        lastName: "Address",
        addresses: [{ label: "Site", street: "Main street 1", city: value }],
      }),
    stored: (body) => body.addresses[0].city,
  },
  {
    name: "comment",
    field: "body.body",
    max: 2000,
    trims: true,
    send: (client, ids, value) => client.post(`/api/customers/${ids.customerId}/comments`, { body: value }),
    stored: (body) => body.body,
  },
  {
    name: "e-mail subject",
    field: "body.subject",
    max: 998,
    trims: false,
    send: (client, ids, value) => client.post("/api/email-log", message(ids, { subject: value })),
    stored: (body) => body.entry.subject,
  },
  {
    name: "e-mail sender name",
    field: "body.from.name",
    max: 200,
    trims: true,
    send: (client, ids, value) =>
      client.post("/api/email-log", message(ids, { from: { email: "eve@attacker.example", name: value } })),
    stored: (body) => body.entry.from.name,
  },
];

/** Markup a stored body must never contain, checked on the string (the browser checks the DOM too). */
const UNSAFE_MARKUP = [
  /<\s*\/?\s*(script|iframe|frame|object|embed|svg|math|base|meta|link|style|form|input|button|textarea|select|template|noscript|video|audio)\b/i,
  /<[^>]*\s(on[a-z]+|srcdoc|formaction|id|name)\s*=/i,
  /<[^>]*\s(href|src|action|background|cite)\s*=\s*["']?\s*(javascript|vbscript|data:(?!image\/(png|gif|jpeg|webp);))/i,
  /<[^>]*\sstyle\s*=\s*"[^"]*(expression|url|behavior|binding)/i,
];

/** The first pattern a stored body matches; names are looked for outside quoted attribute values. */
function unsafeMarkup(html: string): RegExp | undefined {
  const [elements, names, urls, styles] = UNSAFE_MARKUP;
  const withoutValues = html.replace(/"[^"]*"/g, '""');
  return (
    [elements!, names!].find((pattern) => pattern.test(withoutValues)) ??
    [urls!, styles!].find((pattern) => pattern.test(html))
  );
}

/** Runs `calls` with a few in flight: the service sees concurrency, CI time stays short. */
async function inBatches<T>(items: T[], call: (item: T, index: number) => Promise<void>, width = 6) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        await call(items[index]!, index);
      }
    }),
  );
}

/** The request of a case, over real HTTP (raw bodies exactly as given). */
async function send(client: ApiClient, request: RequestCase, ids: Ids): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { authorization: `Bearer ${client.token}`, ...request.headers };
  let body: string | undefined;
  if (request.raw !== undefined || request.body) {
    headers["content-type"] ??= "application/json";
    body = request.raw ?? JSON.stringify(request.body!(ids));
  }
  const response = await fetch(`${client.baseUrl}${request.path(ids)}`, { method: request.method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a 431 from Node's HTTP parser): kept as text.
  }
  return { status: response.status, body: parsed };
}

const fieldsOf = (body: any): string[] => (body?.error?.details ?? []).map((detail: { field: string }) => detail.field);
/** The answer a case wants: one of its statuses, and an error naming its field (or a part of it). */
const verdict = (request: RequestCase, response: { status: number; body: unknown }) => ({
  status: [request.status].flat().includes(response.status) ? request.status : response.status,
  named:
    !request.field ||
    fieldsOf(response.body).some((field) => field === request.field || field.startsWith(`${request.field}.`)),
});

describe.each(testBackends())("hostile input on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let ids: Ids;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    const customer = await createCustomer(alice, { name: "Target GmbH" });
    const contact = await createContact(alice, { customerId: customer.id });
    const comment = await alice.post(`/api/customers/${customer.id}/comments`, { body: "first" });
    const note = await alice.post("/api/notes", { customerId: customer.id, bodyHtml: "<p>first</p>" });
    ids = { customerId: customer.id, contactId: contact.id, commentId: comment.body.id, noteId: note.body.id };
  });
  afterAll(() => service.stop());

  it("stores script injection in e-mail and note HTML sanitised, or refuses an empty note naming the field", async () => {
    const problems: string[] = [];
    await inBatches(SCRIPT_INJECTION, async ({ name, html }) => {
      const logged = await alice.post("/api/email-log", message(ids, { subject: name, bodyHtml: html }));
      const note = await alice.post("/api/notes", { customerId: ids.customerId, bodyHtml: html });
      for (const [where, response, stored] of [
        ["e-mail", logged, logged.body?.entry?.bodyHtml],
        ["note", note, note.body?.bodyHtml],
      ] as const) {
        if (response.status === 201) {
          count("script injection (HTML)", `${where}: stored sanitised`);
          const unsafe = unsafeMarkup(stored);
          if (unsafe) problems.push(`${name} (${where}) stored ${JSON.stringify(stored)} matching ${unsafe}`);
          storedHtml.set(stored, `${name} (${where})`);
        } else if (where === "note" && response.status === 400 && fieldsOf(response.body)[0] === "body.bodyHtml") {
          count("script injection (HTML)", "note: 400 nothing left once cleaned");
        } else problems.push(`${name} (${where}): ${response.status} ${JSON.stringify(response.body)}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it("stores script, SQL and formula strings in plain-text fields verbatim, or a 400 naming the field", async () => {
    // Every SQL and formula string goes through every text field; the script corpus through one
    // field each in turn (each field gets a sixth of it), which keeps the suite short.
    const sends = [
      ...SQL_INJECTION.flatMap((value) => TEXT_ENTRY_POINTS.map((entry) => ({ kind: "SQL", value, entry }))),
      ...FORMULA_INJECTION.flatMap((value) => TEXT_ENTRY_POINTS.map((entry) => ({ kind: "formula", value, entry }))),
      ...SCRIPT_INJECTION.map(({ html }, i) => ({
        kind: "script injection (text)",
        value: html,
        entry: TEXT_ENTRY_POINTS[i % TEXT_ENTRY_POINTS.length]!,
      })),
    ];
    const problems: string[] = [];
    await inBatches(sends, async ({ kind, value, entry }) => {
      const response = await entry.send(alice, ids, value);
      const expected = entry.trims ? value.trim() : value;
      if (expected.length > entry.max) {
        if (response.status === 400 && fieldsOf(response.body).includes(entry.field))
          return count(kind, "400 naming the field (too long)");
      } else if (response.status === 201 && entry.stored(response.body) === expected) {
        return count(kind, "stored verbatim");
      }
      problems.push(`${entry.name} ← ${JSON.stringify(value)}: ${response.status} ${JSON.stringify(response.body)}`);
    });
    expect(problems).toEqual([]);
  });

  it("keeps SQL and formula strings as text in HTML bodies", async () => {
    const problems: string[] = [];
    await inBatches([...SQL_INJECTION, ...FORMULA_INJECTION], async (value) => {
      const note = await alice.post("/api/notes", { customerId: ids.customerId, bodyHtml: value });
      if (note.status === 201 && note.body.bodyText === value.trim())
        count("SQL and formula in HTML", "note: text kept");
      else problems.push(`note ← ${JSON.stringify(value)}: ${note.status} ${JSON.stringify(note.body)}`);
    });
    expect(problems).toEqual([]);
  });

  // Each term is searched for as typed: the record holding it must be found, and nothing without it.
  const SEARCHES = [
    {
      resource: "customers",
      create: (term: string, marker: string) => alice.post("/api/customers", { name: `${term} ${marker}`, status: 2 }),
      text: (item: any) => [item.accountNumber, item.name, item.city, item.country],
    },
    {
      resource: "contacts",
      create: (term: string, marker: string) =>
        alice.post("/api/contacts", { customerId: ids.customerId, firstName: marker, lastName: `${term} x` }),
      text: (item: any) => [item.firstName, item.lastName, ...item.emails],
    },
  ];
  const searchCases = SEARCHES.flatMap((search) =>
    SQL_INJECTION.map((term) => ({ name: `${search.resource} search for "${term}"`, term, search })),
  );
  const searchFor = async ({ term, search }: (typeof searchCases)[number]) => {
    const created = await search.create(term, unique("q"));
    expect(created.status).toBe(201);
    const found = await alice.get(`/api/${search.resource}?search=${encodeURIComponent(term)}&limit=200`);
    expect(found.status).toBe(200);
    const needle = term.trim().toLowerCase();
    const items: any[] = found.body.items;
    return {
      foundItsRecord: items.some((item) => item.id === created.body.id),
      withoutTheTerm: items.filter((item) => !search.text(item).join(" ").toLowerCase().includes(needle)).length,
    };
  };
  it.each(searchCases.map((c) => [c.name, c] as const))(
    "SQL: %s finds exactly the records holding it",
    async (_name, searchCase) => {
      expect(await searchFor(searchCase)).toEqual({ foundItsRecord: true, withoutTheTerm: 0 });
      count("SQL", `${searchCase.search.resource} search: exact`);
    },
  );

  it("starts no CSV cell with a formula character, and keeps what was typed after the apostrophe", async () => {
    const names = await Promise.all(
      FORMULA_INJECTION.map(async (value) => {
        const response = await alice.post("/api/customers", { name: value, status: 2 });
        expect(response.status).toBe(201);
        return value;
      }),
    );
    const response = await fetch(`${service.url}/api/reports/customers?format=csv`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.text());
    const formulaCells = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(formulaCells).toEqual([]);
    const nameColumn = rows[0]!.indexOf("Name");
    const exported = rows.slice(1).map((row) => row[nameColumn]!);
    for (const name of names) {
      expect(exported).toContain(/^[=+\-@]/.test(name) ? `'${name}` : name);
      count("formula", "CSV cell neutralised");
    }
  });

  it.each(REQUEST_CASES.map((request) => [request.kind, request.name, request] as const))(
    "%s: %s",
    async (kind, _name, request) => {
      const response = await send(alice, request, ids);
      count(kind, String(response.status));
      expect(verdict(request, response)).toEqual({ status: request.status, named: true });
    },
  );

  it("is still up, answers as before and polluted no prototype", async () => {
    expect((await alice.get("/api/health")).status).toBe(200);
    const record = await alice.get(`/api/customers/${ids.customerId}`);
    expect(record.body.customer?.name ?? record.body.name).toBe("Target GmbH");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "status")).toBe(false);
  });
});

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser("stored hostile HTML in Chromium", () => {
  jest.setTimeout(120_000);
  let detector: ScriptDetector | undefined;
  beforeAll(async () => {
    detector = await startScriptDetector();
  });
  afterAll(() => detector?.close());

  it("runs no script, loads nothing and navigates nowhere, shown as a page or through the pane's SafeHtml", async () => {
    expect(storedHtml.size).toBeGreaterThan(0);
    const problems: { name: string; html: string; findings: Finding[] }[] = [];
    for (const [html, name] of storedHtml) {
      const asPage = await detector!.renderAsDocument(html);
      const inPane = await detector!.renderWithSafeHtml(html);
      if (asPage.length + inPane.length) problems.push({ name, html, findings: [...asPage, ...inPane] });
      else count("stored HTML in Chromium", "rendered twice, nothing ran");
    }
    expect(problems).toEqual([]);
  });

  it("sees the payloads that run in Chromium run when they are shown unsanitised: the hooks are live", async () => {
    const missed: string[] = [];
    for (const { name, html } of SCRIPT_INJECTION.filter((payload) => payload.fires)) {
      const ran = (await detector!.renderAsDocument(html)).some((finding) => finding.kind === "ran");
      count("script injection unsanitised", ran ? "ran in Chromium" : "did not run");
      if (!ran) missed.push(name);
    }
    expect(missed).toEqual([]);
  });
});

afterAll(() => {
  const lines = [...tally].map(
    ([kind, outcomes]) => `  ${kind}: ${[...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(", ")}`,
  );
  const inputs = SCRIPT_INJECTION.length + SQL_INJECTION.length + FORMULA_INJECTION.length + REQUEST_CASES.length;
  console.log(
    `Hostile corpus: ${inputs} inputs (${SCRIPT_INJECTION.length} script, ${SQL_INJECTION.length} SQL, ` +
      `${FORMULA_INJECTION.length} formula, ${REQUEST_CASES.length} malformed/oversized/nested requests); ` +
      `${storedHtml.size} distinct stored HTML bodies\n${lines.join("\n")}`,
  );
});
