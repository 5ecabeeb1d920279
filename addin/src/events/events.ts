/// <reference types="office-js" />
import { authConfigFromBuild } from "../auth/auth-config";
import { createDevTokenSource } from "../auth/dev-token-source";
import { createMsalTokenSource } from "../auth/msal-token-source";
import { ON_MESSAGE_SEND_FUNCTION, createOnMessageSendHandler } from "./on-message-send";
import { createOnSendApi } from "./on-send-api";

// The event-based runtime's entry (commands page / JavaScript-only runtime), loaded by Outlook for
// LaunchEvent OnMessageSend. The API's origin: the build's API_BASE_URL, else this page's own.
const apiBase = process.env.API_BASE_URL ?? "";

const authConfig = authConfigFromBuild();
// No dialogs in the event runtime: nested app auth only (a user who never signed in to the pane
// gets no token, and the intent waits in the roaming settings for the pane to send it on).
const token = authConfig
  ? createMsalTokenSource(authConfig, () => Promise.reject(new Error("no sign-in dialog in the event runtime")))
  : createDevTokenSource(apiBase, () => Office.context.mailbox?.userProfile?.emailAddress?.toLowerCase() ?? "");

// Associated at load, not in Office.onReady: classic Outlook on Windows looks the handler up as soon
// as the file has run (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch).
Office.actions.associate(
  ON_MESSAGE_SEND_FUNCTION,
  createOnMessageSendHandler({ office: Office, api: createOnSendApi(apiBase, token) }),
);
