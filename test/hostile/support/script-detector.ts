import type { Page, Route } from "playwright-core";
import { launchChromium } from "../../browser/support/browser";
import { buildSafeHtmlBundle } from "./safe-html-bundle";

/**
 * Something a rendered body did or contained: `ran` is script that ran (a hooked API, the canary, a
 * dialog, a popup); `csp` a violation report (inline script or handler, eval, a blocked load);
 * `network` a request leaving the page; `navigation` the page going elsewhere; `dom` what Chromium
 * built that could run or embed things.
 */
export interface Finding {
  kind: "ran" | "csp" | "network" | "navigation" | "dom";
  how: string;
  detail: string;
}

// Served from a made-up origin through page routing: nothing listens, and every request that
// leaves it (tracking pixels, exfiltration, remote CSS) is refused and reported.
const ORIGIN = "https://pane.test";
const NONCE = "hostile-suite";
// Report-only: a payload that runs is not stopped, it is seen twice, by the hooks and by this report.
const CSP =
  `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'unsafe-inline'; img-src data: cid:; ` +
  "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'";

/**
 * Runs before any page script, in every frame: dialogs, network and window APIs a payload may use
 * are wrapped and reported; `window.__xss` is a canary some payloads set. eval and Function stay
 * native (Playwright's own page.evaluate needs them): CSP reports catch them ('unsafe-eval' is not
 * allowed), as they catch inline scripts and handlers that call nothing hooked.
 */
const HOOKS = `(() => {
  const report = (how, detail, kind = "ran") => { try { window.__xssReport(kind, how, String(detail).slice(0, 200)); } catch {} };
  Object.defineProperty(window, "__xss", { configurable: false, get() { return undefined; }, set(value) { report("canary __xss", value); } });
  for (const name of ["alert", "confirm", "prompt", "print"]) window[name] = (message) => report(name, message);
  for (const name of ["setTimeout", "setInterval"]) {
    const native = window[name];
    window[name] = function (handler, ...rest) {
      if (typeof handler !== "function") { report(name + " with a string", handler); return 0; }
      return native.call(this, handler, ...rest);
    };
  }
  window.fetch = (input) => { report("fetch", input); return Promise.reject(new TypeError("blocked")); };
  XMLHttpRequest.prototype.open = function (_method, url) { report("XMLHttpRequest", url); };
  navigator.sendBeacon = (url) => { report("sendBeacon", url); return false; };
  window.WebSocket = function (url) { report("WebSocket", url); };
  window.open = (url) => { report("window.open", url); return null; };
  document.addEventListener("securitypolicyviolation", (event) => {
    if (event.effectiveDirective.startsWith("style-src")) return;
    if (event.blockedURI === location.origin + "/favicon.ico") return;
    report(event.effectiveDirective, event.blockedURI + " " + event.sample, "csp");
  }, true);
})();`;

/**
 * After rendering, in the page: what Chromium's own parser made of the body (mXSS shows here, not in
 * the string). Elements that run or embed things, event handler attributes, URLs with a scheme that
 * can run script, styles that can, and ids or names that can clobber the pane's globals.
 */
function scanDom(rootSelector: string): Finding[] {
  const findings: Finding[] = [];
  const add = (how: string, detail: string) => findings.push({ kind: "dom", how, detail });
  const root = document.querySelector(rootSelector) ?? document.documentElement;
  const forbidden = new Set(
    "script iframe frame frameset object embed applet base meta link form input button textarea select option svg math style template noscript portal isindex animate set use foreignobject video audio source".split(
      " ",
    ),
  );
  const urlAttributes = new Set(
    "href src action formaction data xlink:href background poster cite srcset ping codebase dynsrc lowsrc".split(" "),
  );
  const safeSchemes = new Set(["http", "https", "mailto", "tel", "cid"]);
  for (const element of Array.from(root.querySelectorAll("*"))) {
    const tag = element.localName;
    if (forbidden.has(tag)) add(`<${tag}> element`, element.outerHTML.slice(0, 120));
    for (const { name, value } of Array.from(element.attributes)) {
      if (name.startsWith("on")) add("event handler attribute", `${tag} ${name}=${value}`);
      if (name === "id" || name === "name" || name === "srcdoc") add(`${name} attribute`, `${tag} ${name}=${value}`);
      if (name === "style" && /expression|url\s*\(|javascript:|behavior|binding|@import/i.test(value))
        add("active style", `${tag} style=${value}`);
      if (urlAttributes.has(name)) {
        // What a browser reads as the scheme: whitespace and control characters fall away.
        // eslint-disable-next-line no-control-regex -- a browser drops control characters from URLs
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\s\u0000-\u001f]+/g, ""))?.[1]?.toLowerCase();
        const rasterImage = tag === "img" && name === "src" && /^data:image\/(png|gif|jpeg|webp);/i.test(value);
        if (scheme && !safeSchemes.has(scheme) && !rasterImage)
          add(`${scheme}: URL`, `${tag} ${name}=${value.slice(0, 100)}`);
      }
    }
  }
  return findings;
}

export interface ScriptDetector {
  /** The HTML as a page of its own, the strictest way to show it (innerHTML would not even run <script>). */
  renderAsDocument(html: string): Promise<Finding[]>;
  /** The HTML through the pane's SafeHtml component, as the notes section shows a note. */
  renderWithSafeHtml(html: string): Promise<Finding[]>;
  close(): Promise<void>;
}

export async function startScriptDetector(): Promise<ScriptDetector> {
  const [bundle, browser] = await Promise.all([buildSafeHtmlBundle(), launchChromium()]);
  const { context } = browser;
  let findings: Finding[] = [];
  const documents = new Map<string, string>();
  const serve = (route: Route, body: string, contentType: string) =>
    route.fulfill({
      status: 200,
      contentType,
      headers: { "content-security-policy-report-only": CSP },
      body,
    });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const path = url.startsWith(ORIGIN) ? url.slice(ORIGIN.length) : undefined;
    if (path === "/safe-html.js") return serve(route, bundle, "text/javascript");
    if (path === "/safe")
      return serve(
        route,
        `<!doctype html><html><head><script nonce="${NONCE}" src="/safe-html.js"></script></head><body></body></html>`,
        "text/html",
      );
    const stored = path !== undefined ? documents.get(path) : undefined;
    if (stored !== undefined) return serve(route, stored, "text/html");
    // Chromium asks for a favicon on its own; no body asked for it.
    if (path === "/favicon.ico") return route.fulfill({ status: 404 });
    findings.push({ kind: "network", how: "request", detail: url.slice(0, 200) });
    return route.abort();
  });
  await context.exposeFunction("__xssReport", (kind: Finding["kind"], how: string, detail: string) =>
    findings.push({ kind, how, detail }),
  );
  await context.addInitScript(HOOKS);
  const watch = (page: Page) => {
    page.on("dialog", (dialog) => {
      findings.push({ kind: "ran", how: `${dialog.type()} dialog`, detail: dialog.message() });
      void dialog.dismiss().catch(() => undefined);
    });
    page.on("popup", (popup) => findings.push({ kind: "ran", how: "popup", detail: popup.url() }));
    page.on("framenavigated", (frame) => {
      const url = frame.url();
      if (!url.startsWith(ORIGIN) && url !== "about:blank" && url !== "about:srcdoc")
        findings.push({ kind: "navigation", how: "frame navigated", detail: url });
    });
    return page;
  };
  const documentPage = watch(await context.newPage());
  const safeHtmlPage = watch(await context.newPage());
  await safeHtmlPage.goto(`${ORIGIN}/safe`);
  // Handlers such as onerror and ontoggle run after load: a frame and a task later they have.
  const settle = (page: Page) =>
    page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30))));
  let counter = 0;
  const collect = async (page: Page, rootSelector: string) => {
    await settle(page);
    const fromDom = await page.evaluate(scanDom, rootSelector);
    const all = [...findings, ...fromDom];
    findings = [];
    return all;
  };

  return {
    async renderAsDocument(html) {
      const path = `/document/${++counter}`;
      documents.set(path, html);
      findings = [];
      await documentPage.goto(`${ORIGIN}${path}`, { waitUntil: "load" });
      const result = await collect(documentPage, "html");
      documents.delete(path);
      return result;
    },
    async renderWithSafeHtml(html) {
      findings = [];
      await safeHtmlPage.evaluate((body) => {
        document.body.replaceChildren();
        window.renderSafeHtml(body);
      }, html);
      return collect(safeHtmlPage, "body");
    },
    close: () => browser.close(),
  };
}
