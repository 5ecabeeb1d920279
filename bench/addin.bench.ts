// `npm run bench:addin`: the task pane's two figures from issue 3.
//  1. Initial JavaScript of taskpane.html, gzipped (target under 300 KB): what Outlook downloads
//     before the pane can draw; lazily loaded chunks (MSAL) do not count.
//  2. Select an email → its customer record drawn, in headless Chromium against the local service
//     on PGlite: p50 and p95 over 50 selections (target p95 under 300 ms).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureAddinBuild } from "../scripts/addin-build";
import { browserAvailable, launchChromium } from "../test/browser/support/browser";
import { startDemoStack } from "../test/browser/support/demo-stack";

const SELECTIONS = 50;
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
    `Initial JS of taskpane.html, gzipped: ${kb.toFixed(1)} KB (${size.files.join(", ")}) — target < 300 KB ${kb < 300 ? "✓" : "✗"}`,
  );

  if (!browserAvailable()) return;
  const [stack, browser] = await Promise.all([startDemoStack(), launchChromium()]);
  try {
    const page = await browser.context.newPage();
    await page.goto(stack.demoHost);
    await page.getByRole("tab", { name: "This email" }).waitFor();
    const buttons = page.locator(SELECTOR);
    const count = await buttons.count();
    const timings: number[] = [];
    // One warm-up selection: sign-in and the first connection are not what a user waits for on each email.
    for (let run = -1; run < SELECTIONS; run++) {
      // A string, not a function: tsx would add helpers the page does not have.
      const elapsed = (await page.evaluate(`new Promise((resolve, reject) => {
        const button = document.querySelectorAll(${JSON.stringify(SELECTOR)})[${(run + count) % count}];
        const previous = document.querySelector("[data-testid=customer-record]");
        const started = performance.now();
        button.click();
        const check = () => {
          const record = document.querySelector("[data-testid=customer-record]");
          if (record && record !== previous) return resolve(performance.now() - started);
          if (performance.now() - started > 10000) return reject(new Error("record not drawn within 10 s"));
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      })`)) as number;
      if (run >= 0) timings.push(elapsed);
    }
    timings.sort((a, b) => a - b);
    const p50 = percentile(timings, 50);
    const p95 = percentile(timings, 95);
    console.log(
      `Select email → record drawn, ${SELECTIONS} emails (${count} distinct senders): p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${timings.at(-1)!.toFixed(0)} ms — target p95 < 300 ms ${p95 < 300 ? "✓" : "✗"}`,
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
