/// <reference types="office-js" />
// First: the contract's zod must not probe for eval, which commands.html's policy refuses.
import "../shared/zod-without-eval";
import { authConfigFromBuild } from "../auth/auth-config";
import { createDevTokenSource } from "../auth/dev-token-source";
import { createMsalTokenSource } from "../auth/msal-token-source";
import { hostCapabilities } from "../office/host-capabilities";
import { ON_MESSAGE_SEND_FUNCTION, createOnMessageSendHandler } from "./on-message-send";
import { createOnSendApi } from "./on-send-api";

/**
 * The event-based runtime's one entry (webpack entry "launchevent", a stable file name because both
 * manifests link launchevent.js): LaunchEvent OnMessageSend → "onMessageSendHandler" in manifest.xml,
 * autoRunEvents → action "onMessageSendHandler" in manifest.json. Classic Outlook on Windows runs it
 * alone in a JavaScript-only runtime (no DOM, no localStorage), the other Outlooks in commands.html:
 * keep it free of the pane's code and of the DOM. The handler itself is on-message-send.ts; it never
 * stops a message (allowEvent: true whatever happens).
 */
export function createEventHandlers(office: typeof Office) {
  // The API's origin: the build's API_BASE_URL, else this page's own.
  const apiBase = process.env.API_BASE_URL ?? "";
  const authConfig = authConfigFromBuild();
  // No dialogs in the event runtime: nested app auth only (a user who never signed in to the pane
  // gets no token, and the intent waits in the roaming settings for the pane to send it on).
  const token = authConfig
    ? createMsalTokenSource(
        authConfig,
        () => Promise.reject(new Error("no sign-in dialog in the event runtime")),
        hostCapabilities(office).has("nestedAppAuth"),
      )
    : createDevTokenSource(apiBase, () => office.context?.mailbox?.userProfile?.emailAddress?.toLowerCase() ?? "");
  return { [ON_MESSAGE_SEND_FUNCTION]: createOnMessageSendHandler({ office, api: createOnSendApi(apiBase, token) }) };
}

/** Registers the handlers with Outlook; without office.js (a test, a browser) it does nothing. */
export function associateHandlers(office: typeof Office | undefined): boolean {
  if (typeof office?.actions?.associate !== "function") return false;
  for (const [name, handler] of Object.entries(createEventHandlers(office))) office.actions.associate(name, handler);
  return true;
}

// Associated at load, not in Office.onReady: classic Outlook on Windows looks the handler up as soon
// as the file has run (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch).
associateHandlers((globalThis as { Office?: typeof Office }).Office);
