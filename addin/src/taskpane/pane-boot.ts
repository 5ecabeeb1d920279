// The pane's first moments, in a small script of its own that taskpane.html loads before taskpane.js
// (webpack's "pane-boot" entry; taskpane.js depends on it and shares its runtime, so both see the same
// modules): as soon as office.js is ready it reads the message, signs in and asks for /api/me and the
// email's lookup, while the browser is still evaluating the pane's large script. No inline script:
// the pages' Content-Security-Policy allows none.
import { type CrmApi, createCrmApi } from "../api/crm-api";
import { startPaneEarly } from "../app/pane-start";
import { authConfigFromBuild } from "../auth/auth-config";
import { createDevTokenSource } from "../auth/dev-token-source";
import { createMsalTokenSource } from "../auth/msal-token-source";
import type { Mailbox } from "../office/mail-item.types";
import { signInWithDialog } from "../office/office-dialog";
import { createOfficeMailbox } from "../office/office-mailbox";
import { officeIfHosted } from "../office/office-ready";

// The API's origin: same origin as the pane unless the build says otherwise (API_BASE_URL).
const apiBase = process.env.API_BASE_URL ?? "";

export interface BootedPane {
  office: typeof Office;
  mailbox: Mailbox;
  api: CrmApi;
}

async function boot(): Promise<BootedPane | null> {
  const office = await officeIfHosted();
  if (!office) return null;
  const mailbox = createOfficeMailbox(office);
  const authConfig = authConfigFromBuild();
  const token = authConfig
    ? createMsalTokenSource(
        authConfig,
        () => signInWithDialog(office, new URL("auth-dialog.html", location.href).href),
        mailbox.capabilities().has("nestedAppAuth"),
      )
    : createDevTokenSource(apiBase, () => mailbox.userEmail());
  const api = createCrmApi(apiBase, token);
  // Sign-in, /api/me and the email's lookup go out now, not after taskpane.js and React's first render.
  startPaneEarly(api, mailbox);
  return { office, mailbox, api };
}

/** Office, the mailbox and the signed-in API client, or null outside Office (taskpane.tsx explains). */
export const bootedPane: Promise<BootedPane | null> = boot();
