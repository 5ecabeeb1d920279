import type { BrowserContext, Locator, Page } from "playwright-core";
import { browserAvailable, launchChromium } from "./browser";
import { startDemoStack } from "./demo-stack";

// The scaffolding every browser suite shares: the demo stack and Chromium started for a describe
// block, the demo host opened in a new page, and the pane and inbox as a user finds them.

export type DemoStack = Awaited<ReturnType<typeof startDemoStack>>;

/** `describe`, or `describe.skip` where Debian's Chromium is missing (see browserAvailable). */
export const describeBrowser = browserAvailable() ? describe : describe.skip;

/**
 * Starts the demo stack and Chromium before the enclosing describe block's tests and stops them
 * after. Call it inside the describe block; `stack` and `context` are there once beforeAll ran.
 */
export function useDemoBrowser() {
  // The stack may build the pane first, and the machine may be busy: three minutes a hook or test.
  jest.setTimeout(180_000);
  let stack: DemoStack | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  // Every page of every browser suite runs under the pane's Content-Security-Policy: whatever it
  // refused anywhere fails the suite.
  const violations: string[] = [];

  beforeAll(async () => {
    // Both started at once; whichever started is stopped again in afterAll even if the other failed.
    const [started, launched] = await Promise.allSettled([startDemoStack(), launchChromium()]);
    if (started.status === "fulfilled") stack = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (started.status === "rejected") throw started.reason;
    if (launched.status === "rejected") throw launched.reason;
    await recordPolicyViolations(launched.value.context, violations);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${violations.join("\n")}`);
  });

  const demo = {
    get stack(): DemoStack {
      if (!stack) throw new Error("the demo stack is not running (is this outside a test?)");
      return stack;
    },
    get context(): BrowserContext {
      if (!browser) throw new Error("Chromium is not running (is this outside a test?)");
      return browser.context;
    },
    /** A new page with the demo host's simulated mailbox loaded. */
    async openDemoHost(): Promise<Page> {
      const page = await demo.context.newPage();
      await page.goto(demo.stack.demoHost);
      return page;
    },
  };
  return demo;
}

const VIOLATION = "CSP violation: ";
/** A page opened with this fragment provokes violations on purpose (the policy's own test). */
export const EXPECT_VIOLATIONS = "#expect-csp-violations";

/** Reports each securitypolicyviolation of every page of the context, from before its first script. */
async function recordPolicyViolations(context: BrowserContext, into: string[]) {
  await context.addInitScript(
    ([prefix, expected]) => {
      if (location.hash === expected) return;
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(
          `${prefix}${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${location.pathname}`,
        ),
      );
    },
    [VIOLATION, EXPECT_VIOLATIONS],
  );
  context.on("console", (message) => {
    if (message.text().startsWith(VIOLATION)) into.push(message.text());
  });
}

/** The task pane inside the demo host. */
export const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });

/** Opens a message in the demo host's inbox by its sender's name and subject. */
export const openEmail = (page: Page, sender: string, subject: string) =>
  page
    .getByRole("navigation", { name: "Inbox" })
    .getByRole("button", { name: `${sender} ${subject}` })
    .click();

/** Waits up to 15 s for the first match to be visible. */
export async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: "visible", timeout: 15_000 });
}
