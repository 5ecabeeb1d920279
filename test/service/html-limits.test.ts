import type { ApiClient } from "../support/api-client";
import { createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// Sanitising runs in worker threads with a nesting limit and a time budget (service/src/shared/
// html-cleaner.ts). Before, one 2 MB body of nested <div> kept the event loop busy for minutes.

const nestedDivs = (bytes: number) => {
  const levels = Math.floor(bytes / 11);
  return "<div>".repeat(levels) + "x" + "</div>".repeat(levels);
};
/** A flat body that is merely slow to clean: every paragraph has a style attribute to parse. */
const styledParagraphs = (bytes: number) => {
  const paragraph = '<p style="color:red;font-weight:bold;font-family:Arial">x &amp; y</p>';
  return paragraph.repeat(Math.floor(bytes / paragraph.length));
};

/** A long marketing newsletter: tables nested ten deep (40 levels), 1.5 MB, images by cid. */
function newsletter(): string {
  const open = '<table width="600" cellpadding="0" cellspacing="0" border="0"><tbody><tr><td align="center">'.repeat(
    10,
  );
  const close = "</td></tr></tbody></table>".repeat(10);
  const article =
    '<h2 style="font-family:Arial">Product news</h2><p style="color:#333333;font-size:14px">Our spring range is here, ' +
    'with <a href="https://news.example/spring">new prices</a> and <b>free delivery</b>.</p><img src="cid:hero@01" alt="hero" width="600">';
  return open + article.repeat(Math.floor(1_500_000 / article.length)) + close;
}

/** An Outlook thread 90 replies long: each reply nests the earlier ones three levels deeper (270 + tables). */
function outlookThread(): string {
  let html = '<table border="1"><tr><td><p class="MsoNormal">Price list</p></td></tr></table>';
  for (let reply = 90; reply > 0; reply--)
    html =
      `<div class="WordSection1"><p class="MsoNormal">Reply ${reply}</p>` +
      '<div style="border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Jonas Keller</p></div>' +
      `<blockquote><div>${html}</div></blockquote></div>`;
  return html;
}

describe.each(testBackends())("bounded sanitising on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let customerId: string;

  beforeAll(async () => {
    // The time budget is the next describe's subject; here a body's outcome must not depend on how
    // busy the machine is (suites run side by side): how long a 2 MB body takes is npm run bench:hostile's.
    service = await startTestService(backend, { HTML_TIME_BUDGET_MS: "60000" });
    alice = await service.as("alice@contoso.com");
    customerId = (await createCustomer(alice)).id;
  });
  afterAll(() => service.stop());

  const emailLog = (bodyHtml: string, overrides: Record<string, unknown> = {}) =>
    alice.post("/api/email-log", {
      internetMessageId: `<${unique("bounded")}@fabrikam.example>`,
      subject: "Hostile",
      from: { email: "jonas.keller@fabrikam.example" },
      sentAt: "2026-11-20T09:30:00+01:00",
      bodyHtml,
      customerId,
      ...overrides,
    });

  it("refuses 2 MB of nested <div> in an e-mail and a note with a 413 naming the field, and stores nothing", async () => {
    const logged = await emailLog(nestedDivs(1_999_000));
    expect(logged.status).toBe(413);
    expect(logged.body.error.details).toEqual([
      { field: "body.bodyHtml", message: "is nested deeper than 512 levels" },
    ]);
    const note = await alice.post("/api/notes", { customerId, bodyHtml: nestedDivs(99_000) });
    expect(note.status).toBe(413);
    expect(note.body.error.details[0].field).toBe("body.bodyHtml");
    expect((await alice.get(`/api/customers/${customerId}/email-log`)).body.total).toBe(0);
    expect((await alice.get(`/api/notes?customerId=${customerId}`)).body.total).toBe(0);
  });

  it("answers health checks while a slow body is being cleaned", async () => {
    const finished: string[] = [];
    const posting = emailLog(styledParagraphs(1_999_000)).then((response) => {
      finished.push("email-log");
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const health = await alice.get("/api/health");
    finished.push("health");
    expect(health.status).toBe(200);
    expect((await posting).status).toBe(201);
    // With sanitising on the event loop the health check waited for the whole body.
    expect(finished).toEqual(["health", "email-log"]);
  });

  it("keeps real e-mails: a 1.5 MB newsletter of nested tables and a 90-reply Outlook thread", async () => {
    const letter = await emailLog(newsletter(), { subject: "Newsletter" });
    expect(letter.status).toBe(201);
    expect(letter.body.entry.bodyHtml).toContain('<a href="https://news.example/spring" target="_blank"');
    expect(letter.body.entry.bodyText).toContain("Our spring range is here, with new prices and free delivery.");
    const thread = await emailLog(outlookThread(), { subject: "Re: Re: Re: Price list" });
    expect(thread.status).toBe(201);
    expect(thread.body.entry.bodyText).toMatch(/^Reply 1\n[\s\S]*Reply 90[\s\S]*Price list$/);
  });

  it("takes the plain text the pane sent instead of extracting it", async () => {
    const logged = await emailLog("<p>Hello <b>Alice</b></p>", { bodyText: "  Hello Alice (plain)  " });
    expect(logged.body.entry).toMatchObject({ bodyHtml: "<p>Hello <b>Alice</b></p>", bodyText: "Hello Alice (plain)" });
  });
});

describe("the time budget and the queue", () => {
  // One worker, a 0.1 s budget and room for one waiting body; the last backend (PostgreSQL when it
  // runs) because a copy of its template database starts faster than a fresh PGlite.
  let service: TestService;
  let alice: ApiClient;
  let customerId: string;
  beforeAll(async () => {
    service = await startTestService(testBackends().at(-1)!, {
      HTML_TIME_BUDGET_MS: "100",
      HTML_THREADS: "1",
      HTML_QUEUE: "1",
    });
    alice = await service.as("alice@contoso.com");
    customerId = (await createCustomer(alice)).id;
  });
  afterAll(() => service.stop());

  const log = (bodyHtml: string) =>
    alice.post("/api/email-log", {
      internetMessageId: `<${unique("budget")}@fabrikam.example>`,
      from: { email: "jonas.keller@fabrikam.example" },
      sentAt: "2026-11-20T09:30:00+01:00",
      bodyHtml,
      customerId,
    });

  it("stops a body that takes longer than the budget with a 413, and cleans the next one on a fresh worker", async () => {
    const tooSlow = await log(styledParagraphs(1_999_000));
    expect(tooSlow.status).toBe(413);
    expect(tooSlow.body.error.details).toEqual([
      { field: "body.bodyHtml", message: "takes longer than 0.1 s to sanitise; send a simpler body" },
    ]);
    const next = await log("<p>Thanks, <i>Jonas</i></p>");
    expect(next.status).toBe(201);
    expect(next.body.entry.bodyText).toBe("Thanks, Jonas");
  });

  it("answers 503 with Retry-After when more bodies wait than the queue holds", async () => {
    const responses = await Promise.all(Array.from({ length: 4 }, () => log(styledParagraphs(1_999_000))));
    const statuses = responses.map((response) => response.status);
    // One runs (and overruns the budget), one waits, the others are turned away at once.
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 413 || status === 503)).toBe(true);
    const busy = responses.find((response) => response.status === 503)!;
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(busy.body.error.code).toBe("unavailable");
  });
});
