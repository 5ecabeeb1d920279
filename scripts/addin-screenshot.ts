// Saves docs/demo-host.png for the README: the demo host with a record open, as `npm start` shows it.
import fs from "node:fs";
import path from "node:path";
import { browserAvailable, launchChromium } from "../test/browser/support/browser";
import { startDemoStack } from "../test/browser/support/demo-stack";

async function main() {
  if (!browserAvailable()) process.exit(1);
  const [stack, browser] = await Promise.all([startDemoStack(), launchChromium()]);
  try {
    const page = await browser.context.newPage();
    await page.goto(stack.demoHost);
    await page.getByRole("button", { name: "Jonas Keller Question about our open order" }).click();
    await page.getByRole("list", { name: "Logged emails" }).waitFor();
    const file = path.join(__dirname, "..", "docs", "demo-host.png");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

void main();
