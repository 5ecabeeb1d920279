import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";

/**
 * Where Outlook frames the task pane. Outlook on the web shows add-ins in an iframe; desktop and mobile
 * Outlook use a webview, where the pane is the top document ("Browsers and webview controls used by
 * Office Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * The new Outlook for Windows and Mac is Outlook on the web in a webview, so the same hosts frame it.
 * outlook.cloud.microsoft is Microsoft 365's newer address for Outlook on the web. A pane refused by
 * frame-ancestors or X-Frame-Options shows as "Refused to frame" in Outlook
 * (https://github.com/OfficeDev/office-js/issues/3835, https://github.com/OfficeDev/office-js/issues/5224).
 * Exchange on premises or a sovereign cloud: PANE_FRAME_ANCESTORS lists its Outlook hosts instead.
 */
export const OUTLOOK_FRAME_ANCESTORS = [
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook.live.com",
  "https://outlook.cloud.microsoft",
];

/** The API's answers are JSON and downloads: nothing in them may load, run or be framed. */
const apiHelmet = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  xFrameOptions: { action: "deny" },
});

/**
 * The pane's pages and files under /addin. Their own policy (what may load) is the <meta> tag the build
 * writes into each page (webpack.config.js); a <meta> policy cannot say who may frame a page, so this
 * header does, and it leaves out what would break the pane in Outlook: X-Frame-Options (no list of
 * hosts, only SAMEORIGIN or DENY), Cross-Origin-Opener-Policy (the sign-in dialog and MSAL's popups
 * talk to the window that opened them) and a same-origin Cross-Origin-Resource-Policy (Outlook shows
 * the manifest's icons from its own origin).
 */
function paneHelmet(frameAncestors: string[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        // Each page's <meta> policy starts from default-src 'none'; both policies apply, so this one
        // names only what a <meta> tag cannot say.
        defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        frameAncestors: ["'self'", ...frameAncestors],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    xFrameOptions: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: { policy: "cross-origin" },
  });
}

const isPanePath = (path: string) => path === "/" || path === "/addin" || path.startsWith("/addin/");

/**
 * The headers a helmet middleware sets, read once: helmet's headers depend on its options only (no
 * nonces here), so each answer gets them from a list instead of through helmet's twelve middlewares.
 */
function headersOf(middleware: RequestHandler): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => undefined,
  };
  let finished = false;
  middleware({} as Request, recorder as unknown as Response, () => (finished = true));
  if (!finished) throw new Error("helmet did not finish synchronously: its headers cannot be read once");
  return headers;
}

/**
 * helmet's headers on every answer, the API's strict set or the pane's where Outlook must frame it,
 * plus what no answer of ours may be: sniffed or cached (every answer is per user, and current).
 */
export function securityHeaders(frameAncestors: string[] = OUTLOOK_FRAME_ANCESTORS): RequestHandler {
  const api = [...headersOf(apiHelmet), NO_STORE];
  const pane = [...headersOf(paneHelmet(frameAncestors)), NO_STORE];
  return (request, response, next) => {
    for (const [name, value] of isPanePath(request.path) ? pane : api) response.setHeader(name, value);
    next();
  };
}

const NO_STORE: [string, string] = ["Cache-Control", "no-store"];
