/// <reference types="office-js" />
import type { LogIntentCreate } from "contract";
import type { LogOnSendStore } from "./mail-item.types";

/**
 * What log on send keeps in Outlook between the OnMessageSend handler and the pane.
 *
 * - The per-user setting and the intents that could not reach the service live in the mailbox's
 *   roaming settings (`Office.context.roamingSettings`, 32 KB, the same on every device): the event
 *   runtime has them on every client, while localStorage is missing from the JavaScript-only runtime
 *   classic Outlook on Windows uses for event-based add-ins
 *   (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes). localStorage is only the
 *   fallback where roaming settings are not offered.
 * - The pane's "Log when sent" choice for the message being written is item session data
 *   (`item.sessionData`, Mailbox 1.11), which the handler of the same compose session reads.
 */
export const LOG_ON_SEND_SETTING = "crm.logOnSend";
export const PENDING_INTENTS_SETTING = "crm.pendingLogIntents";
export const LOG_WHEN_SENT_KEY = "crm.logWhenSent";

/** An intent the handler could not hand to the service: sent later by the pane. */
export interface PendingIntent extends Omit<LogIntentCreate, "customerId" | "subject"> {
  subject: string;
  /** Unknown when the service could not even be asked for the recipients' match. */
  customerId: string | null;
  /** The recipients, to find the match later. */
  recipients: string[];
  createdAt: string;
}

/** The pane's choice for this message: log it (where), or not. */
export interface LogWhenSent {
  log: boolean;
  customerId?: string | null;
  contactId?: string | null;
}

/** Roaming settings hold 32 KB in all: the oldest pending intents give way first. */
const MAX_PENDING = 40;

type Storage = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save(): Promise<void>;
};

function storageOf(office: typeof Office): Storage | null {
  const roaming = office.context?.roamingSettings;
  if (roaming && typeof roaming.get === "function")
    return {
      get: (name) => roaming.get(name) as unknown,
      set: (name, value) => roaming.set(name, value),
      save: () =>
        new Promise<void>((resolve, reject) =>
          roaming.saveAsync((result) =>
            String(result.status) === "failed" ? reject(new Error(result.error?.message ?? "not saved")) : resolve(),
          ),
        ),
    };
  const local = typeof localStorage === "undefined" ? null : localStorage;
  if (!local) return null;
  return {
    get: (name) => {
      const raw = local.getItem(name);
      return raw === null ? undefined : (JSON.parse(raw) as unknown);
    },
    set: (name, value) => local.setItem(name, JSON.stringify(value)),
    save: async () => undefined,
  };
}

/** The user's "log sent e-mails to a matched customer" setting; on unless they turned it off. */
export function logOnSendSetting(office: typeof Office): boolean {
  return storageOf(office)?.get(LOG_ON_SEND_SETTING) !== "off";
}

export async function setLogOnSendSetting(office: typeof Office, on: boolean): Promise<void> {
  const storage = storageOf(office);
  if (!storage) return;
  storage.set(LOG_ON_SEND_SETTING, on ? "on" : "off");
  await storage.save();
}

export function pendingIntents(office: typeof Office): PendingIntent[] {
  const value = storageOf(office)?.get(PENDING_INTENTS_SETTING);
  return Array.isArray(value) ? (value as PendingIntent[]) : [];
}

/** Adds one (replacing one with the same marker), keeping the newest MAX_PENDING. */
export async function keepPendingIntent(office: typeof Office, intent: PendingIntent): Promise<void> {
  const storage = storageOf(office);
  if (!storage) return;
  const rest = pendingIntents(office).filter((entry) => entry.marker !== intent.marker);
  storage.set(PENDING_INTENTS_SETTING, [...rest, intent].slice(-MAX_PENDING));
  await storage.save();
}

export async function dropPendingIntents(office: typeof Office, markers: string[]): Promise<void> {
  const storage = storageOf(office);
  if (!storage || markers.length === 0) return;
  storage.set(
    PENDING_INTENTS_SETTING,
    pendingIntents(office).filter((entry) => !markers.includes(entry.marker)),
  );
  await storage.save();
}

/** The pane's choice for the message being written, if it made one (Mailbox 1.11 session data). */
export async function readLogWhenSent(office: typeof Office): Promise<LogWhenSent | null> {
  const item = office.context?.mailbox?.item as Office.MessageCompose | undefined;
  if (!item?.sessionData || !office.context.requirements?.isSetSupported("Mailbox", "1.11")) return null;
  return new Promise((resolve) =>
    item.sessionData.getAsync(LOG_WHEN_SENT_KEY, (result) => {
      if (String(result.status) === "failed" || !result.value) return resolve(null);
      try {
        resolve(JSON.parse(result.value) as LogWhenSent);
      } catch {
        resolve(null);
      }
    }),
  );
}

export async function writeLogWhenSent(office: typeof Office, choice: LogWhenSent): Promise<void> {
  const item = office.context?.mailbox?.item as Office.MessageCompose | undefined;
  if (!item?.sessionData || !office.context.requirements?.isSetSupported("Mailbox", "1.11")) return;
  await new Promise<void>((resolve, reject) =>
    item.sessionData.setAsync(LOG_WHEN_SENT_KEY, JSON.stringify(choice), (result) =>
      String(result.status) === "failed" ? reject(new Error(result.error?.message ?? "not kept")) : resolve(),
    ),
  );
}

/** The store the pane sees through its Mailbox. */
export function createLogOnSendStore(office: typeof Office): LogOnSendStore {
  return {
    supported: () =>
      Boolean(
        office.context?.requirements?.isSetSupported("Mailbox", "1.12") &&
        office.context.requirements.isSetSupported("Mailbox", "1.8"),
      ),
    defaultOn: () => logOnSendSetting(office),
    setDefaultOn: (on) => setLogOnSendSetting(office, on),
    choice: () => readLogWhenSent(office),
    choose: (choice) => writeLogWhenSent(office, choice),
    waiting: () => pendingIntents(office),
    forget: (markers) => dropPendingIntents(office, markers),
  };
}
