/// <reference types="office-js" />
import { LOG_MARKER_HEADER, type LogIntentCreate, type LookupResult } from "contract";
import {
  type PendingIntent,
  keepPendingIntent,
  logOnSendSetting,
  readLogWhenSent,
} from "../office/log-on-send-storage";
import { type LogTarget, logTargetOf } from "../shared/log-target";

/**
 * Log on send: Outlook's OnMessageSend event (Smart Alerts, Mailbox 1.12) runs this handler
 * without the pane. It decides whether the message is to be logged (the pane's "Log when sent"
 * choice for it, else the recipients' match and the user's setting), stamps it with the x-crm-log
 * internet header (Mailbox 1.8) and tells the service what to log; the service then finds the sent
 * copy in Sent Items by that header and logs it. It never holds up or blocks sending: whatever
 * happens, it completes with allowEvent: true, and an intent the service did not take waits in the
 * roaming settings until the pane sends it on.
 */
export interface OnSendApi {
  lookup(emails: string[], signal: AbortSignal): Promise<LookupResult>;
  /** Resolves once the service kept it; rejects with the HTTP status (0: no answer) otherwise. */
  postLogIntent(intent: LogIntentCreate, signal: AbortSignal): Promise<void>;
}

export interface OnSendDeps {
  office: typeof Office;
  api: OnSendApi;
  /** Each call to the service gets this long; then the handler goes on without it. */
  timeoutMs?: number;
  newMarker?: () => string;
  now?: () => Date;
}

/** What the handler did, for its tests and the log. */
export type OnSendOutcome =
  | "not-logged" // the pane said no, the setting is off, or the recipients are no customer's
  | "unsupported" // this Outlook cannot set internet headers
  | "posted" // the service has the intent
  | "kept" // the header is set and the intent waits in the roaming settings
  | "failed"; // something went wrong before the header was set: sent without logging

/** Every service call in the handler is short: sending must not wait on the CRM. */
const DEFAULT_TIMEOUT_MS = 3_000;
/** Outlook waits for completed(); whatever still runs after this, the message goes out. */
const HANDLER_BUDGET_MS = 8_000;

export class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`the service answered ${status}`);
  }
}

function callAsync<T>(run: (done: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    run((result) =>
      String(result.status) === "failed" ? reject(new Error(result.error?.message ?? "failed")) : resolve(result.value),
    ),
  );
}

async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await Promise.race([
      run(controller.signal),
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener("abort", () => reject(new HttpStatusError(0)), { once: true }),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function recipientsOf(item: Office.MessageCompose): Promise<string[]> {
  const lists = await Promise.all(
    [item.to, item.cc].map((field) =>
      field ? callAsync<Office.EmailAddressDetails[]>((done) => field.getAsync(done)) : Promise.resolve([]),
    ),
  );
  const emails = lists.flat().map((entry) => entry.emailAddress?.trim().toLowerCase() ?? "");
  return [...new Set(emails.filter((email) => email.includes("@")))].slice(0, 50);
}

/** A 4xx other than 401/408/429 means the service read the intent and refused it: keeping it would not help. */
const refusedForGood = (error: unknown) =>
  error instanceof HttpStatusError &&
  error.status >= 400 &&
  error.status < 500 &&
  ![401, 408, 429].includes(error.status);

/** A random UUID; the JavaScript-only runtime of classic Outlook may lack randomUUID but has getRandomValues. */
function newMarker(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function markForLogging(deps: OnSendDeps): Promise<OnSendOutcome> {
  const { office, api } = deps;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const item = office.context?.mailbox?.item as Office.MessageCompose | undefined;
  if (!item) return "failed";
  // Mailbox 1.8: internet headers. Without them the sent copy cannot be recognised in Sent Items.
  if (!office.context.requirements?.isSetSupported("Mailbox", "1.8") || !item.internetHeaders) return "unsupported";

  const choice = await readLogWhenSent(office).catch(() => null);
  if (choice?.log === false) return "not-logged";
  if (!choice?.log && !logOnSendSetting(office)) return "not-logged";

  const recipients = await recipientsOf(item);
  let target: LogTarget | null = choice?.customerId
    ? { customerId: choice.customerId, contactId: choice.contactId ?? null }
    : null;
  let matchKnown = target !== null;
  if (!target && recipients.length > 0) {
    try {
      target = logTargetOf(await withTimeout(timeoutMs, (signal) => api.lookup(recipients, signal)));
      matchKnown = true;
    } catch {
      // The service is away: mark the message anyway; the pane finds the match when it sends the intent on.
    }
  }
  if (matchKnown && !target) return "not-logged";
  if (!matchKnown && recipients.length === 0) return "not-logged";

  const marker = (deps.newMarker ?? newMarker)();
  await callAsync<void>((done) => item.internetHeaders.setAsync({ [LOG_MARKER_HEADER]: marker }, done));
  const subject = await callAsync<string>((done) => item.subject.getAsync(done)).catch(() => "");
  const conversationId = (item as { conversationId?: string | null }).conversationId ?? null;

  const pending: PendingIntent = {
    marker,
    conversationId,
    subject: subject.slice(0, 998),
    customerId: target?.customerId ?? null,
    contactId: target?.contactId ?? null,
    recipients,
    createdAt: (deps.now ?? (() => new Date()))().toISOString(),
  };
  if (target) {
    try {
      await withTimeout(timeoutMs, (signal) =>
        api.postLogIntent(
          {
            marker,
            conversationId,
            subject: pending.subject,
            customerId: target.customerId,
            contactId: target.contactId,
          },
          signal,
        ),
      );
      return "posted";
    } catch (error) {
      if (refusedForGood(error)) return "failed";
    }
  }
  await keepPendingIntent(office, pending);
  return "kept";
}

/** The OnMessageSend handler: always lets the message go, within HANDLER_BUDGET_MS at the latest. */
export function createOnMessageSendHandler(deps: OnSendDeps, report?: (outcome: OnSendOutcome) => void) {
  return async function onMessageSendHandler(event: Office.AddinCommands.Event | Office.MailboxEvent) {
    let completed = false;
    const complete = () => {
      if (completed) return;
      completed = true;
      (event as { completed(options?: { allowEvent: boolean }): void }).completed({ allowEvent: true });
    };
    const budget = setTimeout(complete, HANDLER_BUDGET_MS);
    try {
      // Not report?.(await markForLogging(deps)): an optional call skips its arguments, so without a
      // report (as launch-event.ts registers it) the message would never be marked.
      const outcome = await markForLogging(deps);
      report?.(outcome);
    } catch {
      report?.("failed");
    } finally {
      clearTimeout(budget);
      complete();
    }
  };
}

/** Name the manifest's LaunchEvent (FunctionName) and the unified manifest's action id refer to. */
export const ON_MESSAGE_SEND_FUNCTION = "onMessageSendHandler";
