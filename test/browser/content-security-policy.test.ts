import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ensureAddinBuild } from "../../scripts/addin-build";
import {
  EXPECT_VIOLATIONS,
  describeBrowser,
  expectVisible,
  openEmail,
  pane,
  useDemoBrowser,
} from "./support/demo-browser";

// The pane's pages under their Content-Security-Policy, in Chromium: the policy is there, it is
// strict, and the pane does everything it does without one violation.

const PAGES = ["taskpane", "commands", "auth-dialog", "demo-host"];

/** The <meta> policy of a built page, as directive → sources. */
function metaPolicy(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  if (!content) throw new Error("no Content-Security-Policy <meta> tag");
  return new Map(
    content.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

/**
 * What a page's policy refused, as Chromium reports it: securitypolicyviolation events (recorded from
 * before the page's first script) and console errors and uncaught exceptions.
 */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`refused by the policy: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`),
    );
  });
  return problems;
}

// office.js comes from Microsoft's CDN, which this machine cannot reach: the test answers for the
// CDN with a stand-in that says "not in Office", as office.js does in a plain browser tab. The request
// still goes to the CDN's address, so the page's policy decides whether it may load.
const OFFICE_OUTSIDE_OFFICE = `window.Office = {
  onReady: () => Promise.resolve({ host: null, platform: null }),
  context: { ui: { messageParent: () => undefined } },
};`;

describeBrowser("the pane's Content-Security-Policy", () => {
  const demo = useDemoBrowser();

  it("is in every page of the build, without inline script, eval or inline style", async () => {
    const dir = await ensureAddinBuild();
    for (const page of PAGES) {
      const policy = metaPolicy(fs.readFileSync(path.join(dir, `${page}.html`), "utf8"));
      expect(policy.get("default-src")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      for (const directive of ["script-src", "style-src"]) {
        expect(policy.get(directive)).toContain("'self'");
        expect(policy.get(directive)).not.toContain("'unsafe-inline'");
        expect(policy.get(directive)).not.toContain("'unsafe-eval'");
      }
      expect(policy.get("connect-src")![0]).toBe("'self'");
      // A <meta> policy cannot say who may frame the page; Chromium logs an error when one tries.
      expect(policy.has("frame-ancestors")).toBe(false);
      const office = page !== "demo-host";
      expect(policy.get("script-src")!.includes("https://appsforoffice.microsoft.com")).toBe(office);
      const msal = page === "taskpane" || page === "auth-dialog";
      expect(policy.get("connect-src")!.includes("https://login.microsoftonline.com")).toBe(msal);
      // Only the demo host's simulated Outlook talks to the local Graph fake (it sends mail through it).
      expect(policy.get("connect-src")!.includes("http://127.0.0.1:*")).toBe(page === "demo-host");
    }
  });

  it("ships no source maps", async () => {
    const dir = await ensureAddinBuild();
    const files = fs.readdirSync(dir);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith(".js")))
      expect(fs.readFileSync(path.join(dir, file), "utf8")).not.toContain("sourceMappingURL");
  });

  it("is served with frame-ancestors naming Outlook on the web", async () => {
    const response = await fetch(`${demo.stack.url}/addin/taskpane.html`);
    expect(response.headers.get("content-security-policy")).toMatch(
      /frame-ancestors 'self' https:\/\/outlook\.office\.com .*https:\/\/outlook\.cloud\.microsoft/,
    );
    expect(response.headers.get("x-frame-options")).toBeNull();
  });

  it("catches what it forbids: an inline script, an inline style and a foreign script are refused and reported", async () => {
    const page = await demo.context.newPage();
    const problems = await watch(page);
    await page.goto(`${demo.stack.url}/addin/demo-host.html${EXPECT_VIOLATIONS}`);
    const results = await page.evaluate(async () => {
      const inline = document.createElement("script");
      inline.textContent = "window.ranInline = true";
      document.head.append(inline);
      const style = document.createElement("style");
      style.textContent = "body { display: none }";
      document.head.append(style);
      const foreign = document.createElement("script");
      foreign.src = "https://evil.example/x.js";
      document.head.append(foreign);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { ranInline: (window as { ranInline?: boolean }).ranInline === true, styled: style.sheet !== null };
    });
    expect(results).toEqual({ ranInline: false, styled: false });
    const violations = problems.filter((problem) => problem.includes("refused by the policy"));
    expect(violations.join("\n")).toMatch(/script-src.* blocked inline/);
    expect(violations.join("\n")).toMatch(/style-src.* blocked inline/);
    expect(violations.join("\n")).toMatch(/blocked https:\/\/evil\.example\/x\.js/);
    await page.close();
  });

  it("lets the demo host and the pane work without a single violation", async () => {
    const page = await demo.context.newPage();
    const problems = await watch(page);
    await page.goto(demo.stack.demoHost);
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await expectVisible(record.getByText("Lena Vogel · CEO"));
    // Each tab is its own chunk, loaded when first opened, with its own Fluent components.
    for (const tab of ["Details", "Timeline", "Files", "Quotes", "Profile", "Overview"]) {
      await record.getByRole("tab", { name: tab }).click();
      await expectVisible(record.getByRole("tabpanel"));
    }
    await pane(page).getByRole("tab", { name: "Reports" }).click();
    await expectVisible(pane(page).getByRole("form", { name: "Report" }));
    // Dark theme: the FluentProvider rewrites its theme rule.
    await page.getByLabel("Dark theme").check();
    await page.waitForTimeout(300);
    // Fluent UI's styles are in, not silently dropped: its rules are in the page, its theme is applied.
    const styling = await pane(page).evaluate((element) => ({
      rules: [...document.styleSheets].reduce((count, sheet) => count + sheet.cssRules.length, 0),
      foreground: getComputedStyle(element.querySelector(".fui-FluentProvider")!).getPropertyValue(
        "--colorNeutralForeground1",
      ),
    }));
    expect(styling.rules).toBeGreaterThan(100);
    expect(styling.foreground.trim()).toMatch(/^#[0-9a-f]{6}$/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([
    ["taskpane", "This is the Outlook task pane"],
    ["commands", null],
    ["auth-dialog", "Signing in"],
  ])("loads %s.html and office.js from Microsoft's CDN without a violation", async (name, text) => {
    const page = await demo.context.newPage();
    const problems = await watch(page);
    let officeRequested = false;
    await page.route("https://appsforoffice.microsoft.com/**", (route) => {
      officeRequested = true;
      return route.fulfill({ contentType: "text/javascript", body: OFFICE_OUTSIDE_OFFICE });
    });
    await page.goto(`${demo.stack.url}/addin/${name}.html`);
    if (text) await expectVisible(page.getByText(text));
    await page.waitForLoadState("networkidle");
    expect(officeRequested).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
