// `npm run bench:addin`: the task pane's figures (issues 3 and 15).
//  1. Initial JavaScript of taskpane.html, gzipped (target under 180 KB): what Outlook downloads
//     before the pane can draw; lazily loaded chunks (tabs, dialogs, editors, MSAL) do not count.
//  2. Cold open: taskpane.html in a fresh browser context (empty cache, no storage, so sign-in
//     included) on one email, from office.js ready to the customer's record drawn: p50 and p95 over
//     BENCH_COLD_OPENS opens (default 25, target p95 under 500 ms). office.js is a stand-in
//     (office-stub.ts): Microsoft's CDN is out of reach here.
//  3. Select an email → its customer record drawn, in headless Chromium against the local service
//     on PGlite: p50 and p95 over BENCH_SELECTIONS selections (default 100), as it is (target p95
//     under 200 ms) and with 300 ms added to every API answer (target p95 under 500 ms: one round
//     trip, not a waterfall), with the requests of one selection and when each started, to show what
//     the pane waits for. Of these, the re-selections of an email seen before draw from the pane's
//     short-lived cache (target p95 under 50 ms: at once) and refresh behind.
import type { Page } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureAddinBuild } from "../scripts/addin-build";
import { chromium } from "playwright-core";
import { DEMO_HOST_USERS, sampleEmails } from "../demo/demo-host/sample-emails";
import { participantsOf } from "../addin/src/office/mail-item.types";
import { CHROMIUM, CHROMIUM_ARGS, browserAvailable, launchChromium } from "../test/browser/support/browser";
import { startDemoStack } from "../test/browser/support/demo-stack";
import { OFFICE_JS_URL, officeStubScript } from "./office-stub";

// 100 selections give some 88 re-selections: their p95 is the 5th slowest. Of 50 (38 re-selections)
// it was the 2nd slowest, so one stall of the machine's two cores moved it by 20-30 ms from run to run.
const SELECTIONS = Number(process.env.BENCH_SELECTIONS ?? 100);
const COLD_OPENS = Number(process.env.BENCH_COLD_OPENS ?? 25);
const INITIAL_JS_TARGET_KB = 180;
const COLD_OPEN_TARGET_MS = 500;
const RESELECT_TARGET_MS = 50;
const COLD_OPEN_USER = "alice@contoso.com";
const LATENCIES = [0, 300];
const TARGET_MS: Record<number, number> = { 0: 200, 300: 500 };
// Messages from known contacts (sample ids 10 and up): each opens one record at once.
const SELECTOR = ["1", "2", "3"]
  .map((digit) => `nav button[data-message-id^='<sample-${digit}']:not([data-message-id^='<sample-${digit}@'])`)
  .join(", ");

function initialJsGzipped(dir: string, page: string): { bytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(dir, page), "utf8");
  const files = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)]
    .map((match) => match[1]!)
    .filter((src) => !/^https?:/.test(src));
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length,
    0,
  );
  return { bytes, files };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const dir = await ensureAddinBuild();
  const size = initialJsGzipped(dir, "taskpane.html");
  const kb = size.bytes / 1024;
  console.log(
    `Initial JS of taskpane.html, gzipped: ${kb.toFixed(1)} KB (${size.files.join(", ")}) — target < ${INITIAL_JS_TARGET_KB} KB ${kb < INITIAL_JS_TARGET_KB ? "✓" : "✗"}`,
  );

  if (!browserAvailable()) return;
  const [stack, browser] = await Promise.all([startDemoStack(), launchChromium()]);
  try {
    await coldOpens(stack.url);
    for (const latency of LATENCIES) {
      const page = await browser.context.newPage();
      // The latency sits between the pane and the service, as a slow network or a far service would.
      if (latency > 0)
        await page.route("**/api/**", async (route) => {
          await new Promise((resolve) => setTimeout(resolve, latency));
          await route.continue();
        });
      await measure(page, latency);
      await page.close();
    }
  } finally {
    await browser.close();
    await stack.stop();
  }

  /**
   * The customer each listed email opens, as the service answers its people's lookup for the demo
   * host's user: what "drawn" is checked against (the record on screen must be that customer's, not
   * merely a new element, which React may or may not create).
   */
  async function expectedCustomers(page: Page): Promise<string[]> {
    const user = DEMO_HOST_USERS[0]!.email;
    const api = await stack.as(user);
    const ids = await page
      .locator(SELECTOR)
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-message-id")!));
    const messages = sampleEmails(user);
    return Promise.all(
      ids.map(async (id) => {
        const message = messages.find((candidate) => candidate.internetMessageId === id)!;
        const query = participantsOf(message, user)
          .map((participant) => `email=${encodeURIComponent(participant.email)}`)
          .join("&");
        const answer = await api.get(`/api/lookup?${query}&include=record`);
        const customerId = answer.body?.record?.customer?.id as string | undefined;
        if (!customerId) throw new Error(`${id} opens no single customer's record (${answer.status})`);
        return customerId;
      }),
    );
  }

  async function measure(page: Page, latency: number) {
    await page.goto(stack.demoHost);
    await page.getByRole("tab", { name: "This email" }).waitFor();
    const expected = await expectedCustomers(page);
    const count = expected.length;
    const timings: number[] = [];
    // The pane keeps each email's answers: a reselected one draws from them (and asks again behind).
    const firstTimings: number[] = [];
    const againTimings: number[] = [];
    const opened = new Set<number>();
    let requests: { path: string; start: number; end: number }[] = [];
    let clickedAt = 0;
    page.on("request", (request) => {
      if (request.url().includes("/api/"))
        requests.push({ path: new URL(request.url()).pathname, start: Date.now() - clickedAt, end: NaN });
    });
    page.on("requestfinished", (request) => {
      const entry = requests.findLast((each) => each.path === new URL(request.url()).pathname && isNaN(each.end));
      if (entry) entry.end = Date.now() - clickedAt;
    });
    let waterfall: typeof requests = [];
    // One warm-up selection: sign-in and the first connection are not what a user waits for on each email.
    let index = count - 1;
    for (let run = -1; run < SELECTIONS; run++) {
      requests = [];
      // The next email in the list whose customer is not the one on screen: otherwise "drawn" would hold at once.
      const shown = run < 0 ? undefined : expected[index];
      do index = (index + 1) % count;
      while (expected[index] === shown && new Set(expected).size > 1);
      const first = !opened.has(index);
      opened.add(index);
      clickedAt = Date.now();
      // A string, not a function: tsx would add helpers the page does not have.
      const elapsed = (await page.evaluate(`new Promise((resolve, reject) => {
        const button = document.querySelectorAll(${JSON.stringify(SELECTOR)})[${index}];
        const started = performance.now();
        button.click();
        // Drawn = the email's own customer on screen (the loop never picks an email of the customer shown).
        const check = () => {
          const record = document.querySelector("[data-testid=customer-record]");
          if (record?.getAttribute("data-customer-id") === ${JSON.stringify(expected[index])})
            return resolve(performance.now() - started);
          if (performance.now() - started > 10000)
            return reject(new Error("record of " + ${JSON.stringify(expected[index])} + " not drawn within 10 s (shown: " + record?.getAttribute("data-customer-id") + ")"));
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })`)) as number;
      if (run >= 0) timings.push(elapsed);
      if (run >= 0) (first ? firstTimings : againTimings).push(elapsed);
      if (run === SELECTIONS - 1) {
        // Requests still under way when the record was drawn belong to the waterfall too.
        await page.waitForTimeout(latency + 300);
        waterfall = requests;
      }
    }
    timings.sort((a, b) => a - b);
    const p50 = percentile(timings, 50);
    const p95 = percentile(timings, 95);
    const target = TARGET_MS[latency]!;
    console.log(
      `Select email → record drawn, ${latency} ms added latency, ${SELECTIONS} emails (${count} distinct senders): p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${timings.at(-1)!.toFixed(0)} ms — target p95 < ${target} ms ${p95 < target ? "✓" : "✗"}`,
    );
    firstTimings.sort((a, b) => a - b);
    againTimings.sort((a, b) => a - b);
    if (firstTimings.length > 0)
      console.log(
        `  of these, ${firstTimings.length} opened for the first time: p50 ${percentile(firstTimings, 50).toFixed(0)} ms, p95 ${percentile(firstTimings, 95).toFixed(0)} ms, max ${firstTimings.at(-1)!.toFixed(0)} ms`,
      );
    if (againTimings.length > 0) {
      const againP95 = percentile(againTimings, 95);
      console.log(
        `  Re-select from cache, ${latency} ms added latency, ${againTimings.length} re-selections: p50 ${percentile(againTimings, 50).toFixed(0)} ms, p95 ${againP95.toFixed(0)} ms, max ${againTimings.at(-1)!.toFixed(0)} ms — target p95 < ${RESELECT_TARGET_MS} ms ${againP95 < RESELECT_TARGET_MS ? "✓" : "✗"}`,
      );
    }
    console.log(`  requests of the last selection (ms after the click):`);
    for (const request of waterfall)
      console.log(`    ${String(request.start).padStart(5)} → ${String(request.end).padStart(5)}  ${request.path}`);
  }
}

/**
 * Opens taskpane.html cold COLD_OPENS times, each in a new browser context (no HTTP cache, no
 * storage: JavaScript downloaded, parsed and run, sign-in asked anew), each on another sample email
 * from a known contact, and times office.js ready → the customer's record in the page.
 */
async function coldOpens(serviceUrl: string) {
  const messages = sampleEmails(COLD_OPEN_USER).filter((message) =>
    /^<sample-\d\d+@/.test(message.internetMessageId ?? ""),
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const timings: number[] = [];
  const phases: Record<string, number[]> = {};
  let lastRequests: { name: string; start: number; end: number }[] = [];
  try {
    // One open first, not timed: the service's own first requests (its caches, PGlite warming) are not the pane's.
    for (let run = -1; run < COLD_OPENS; run++) {
      const message = messages[(run + messages.length) % messages.length]!;
      const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
      await context.route(OFFICE_JS_URL, (route) =>
        route.fulfill({ contentType: "text/javascript", body: officeStubScript(COLD_OPEN_USER, message) }),
      );
      const page = await context.newPage();
      // Marks the moment the record enters the page; a MutationObserver sees it before the next frame.
      await page.addInitScript(`new MutationObserver((_, observer) => {
        if (!document.querySelector("[data-testid=customer-record]")) return;
        performance.mark("record-drawn");
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });`);
      await page.goto(`${serviceUrl}/addin/taskpane.html`);
      await page.locator("[data-testid=customer-record]").waitFor({ timeout: 15_000 });
      const marks = (await page.evaluate(
        `Object.fromEntries(performance.getEntriesByType("mark").map((mark) => [mark.name, mark.startTime]))`,
      )) as Record<string, number>;
      // The pane's requests of this open (Resource Timing, on the marks' clock): what sign-in and the lookup wait for.
      const resources = (await page.evaluate(
        `performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/api/") || entry.name.endsWith(".js")).map((entry) => [new URL(entry.name).pathname + new URL(entry.name).search, entry.startTime, entry.responseEnd])`,
      )) as [string, number, number][];
      await context.close();
      if (run < 0) continue;
      const ready = marks["office-ready"]!;
      if (run === COLD_OPENS - 1)
        lastRequests = resources.map(([name, start, end]) => ({ name, start: start - ready, end: end - ready }));
      timings.push(marks["record-drawn"]! - ready);
      // The pane's own marks (pane-*), each since office.js was ready: where the time goes.
      for (const [name, at] of Object.entries(marks))
        if (name.startsWith("pane-")) (phases[name] ??= []).push(at - ready);
    }
  } finally {
    await browser.close();
  }
  timings.sort((a, b) => a - b);
  const p95 = percentile(timings, 95);
  console.log(
    `Cold open (fresh browser context, sign-in included), office.js ready → record drawn, ${COLD_OPENS} opens: p50 ${percentile(timings, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${timings.at(-1)!.toFixed(0)} ms — target p95 < ${COLD_OPEN_TARGET_MS} ms ${p95 < COLD_OPEN_TARGET_MS ? "✓" : "✗"}`,
  );
  for (const [name, values] of Object.entries(phases).sort(([, a], [, b]) => median(a) - median(b)))
    console.log(`    ${name.padEnd(22)} p50 ${median(values).toFixed(0).padStart(4)} ms after office.js ready`);
  console.log(`  requests of the last cold open (ms after office.js ready):`);
  for (const request of lastRequests)
    console.log(`    ${request.start.toFixed(0).padStart(5)} → ${request.end.toFixed(0).padStart(5)}  ${request.name}`);
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
