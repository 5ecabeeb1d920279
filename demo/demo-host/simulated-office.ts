/// <reference types="office-js" />

import { DELIVER_PATH } from "../graph-fake/mail/deliver-path";

/**
 * The demo host's Outlook for writing and sending a message: an `Office` object as office.js gives it
 * to a compose add-in, so the pane reads it through the real adapter (createOfficeMailbox) and the
 * real OnMessageSend handler (launch-event.ts) runs on it as in Outlook. Only what the add-in uses,
 * each part as Microsoft documents it:
 * - the compose item: subject, to, cc, body (getAsync/setAsync, AsyncResult with status and value),
 *   conversationId null for a new message and the original's for a reply
 *   (https://learn.microsoft.com/javascript/api/outlook/office.messagecompose);
 * - internetHeaders (Mailbox 1.8): setAsync adds or replaces, getAsync returns only the headers that
 *   exist (https://learn.microsoft.com/javascript/api/outlook/office.internetheaders);
 * - sessionData (Mailbox 1.11): per compose session, gone once the item is sent or closed
 *   (https://learn.microsoft.com/javascript/api/outlook/office.sessiondata);
 * - roamingSettings: per user and add-in, kept across sessions; set() is local until saveAsync()
 *   (https://learn.microsoft.com/javascript/api/outlook/office.roamingsettings) — here localStorage;
 * - Office.actions.associate and OnMessageSend: on Send, Outlook runs the handler the manifest names
 *   and sends only when it calls event.completed({ allowEvent: true }); with allowEvent false it shows
 *   errorMessage and keeps the message open
 *   (https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events).
 * What Outlook then does, sending through Exchange, the demo host does through the Graph fake's
 * sendMail: the copy in Sent Items carries the message's internet headers, as Exchange keeps them.
 */
export interface Draft {
  to: string[];
  cc: string[];
  subject: string;
  bodyHtml: string;
  /** A reply's conversation; null for a new message. */
  conversationId: string | null;
}

export type SendOutcome = { sent: true } | { sent: false; reason: string };

/** The manifest's LaunchEvent OnMessageSend FunctionName. */
const ON_SEND_FUNCTION = "onMessageSendHandler";
/** Requirement sets this simulated Outlook has: a current Outlook on the web. */
const MAILBOX_VERSION = [1, 13];

type Callback<T> = ((result: Office.AsyncResult<T>) => void) | undefined;

const succeeded = <T>(value: T) => ({ status: "succeeded", value }) as unknown as Office.AsyncResult<T>;
const failed = <T>(message: string) =>
  ({
    status: "failed",
    value: undefined,
    error: { name: "Error", message, code: 9000 },
  }) as unknown as Office.AsyncResult<T>;

/** office.js methods take (args..., [options], callback): the callback is the last function given. */
function callbackOf<T>(args: unknown[]): Callback<T> {
  return [...args].reverse().find((arg) => typeof arg === "function") as Callback<T>;
}

const details = (emails: string[]) => emails.map((emailAddress) => ({ emailAddress, displayName: emailAddress }));
const emailsOf = (list: unknown): string[] =>
  (Array.isArray(list) ? list : []).map((entry) =>
    typeof entry === "string" ? entry : String((entry as { emailAddress?: string }).emailAddress ?? ""),
  );

export function createSimulatedOffice(options: {
  userEmail: string;
  /** Office.context.displayLanguage: the language of Outlook's UI (RFC 1766), "en-US" unless given. */
  displayLanguage?: string;
  /** Sends what Outlook would hand to Exchange: the draft and its internet headers. */
  deliver(draft: Draft, headers: Record<string, string>): Promise<void>;
}) {
  let user = options.userEmail.toLowerCase();
  let displayLanguage = options.displayLanguage ?? "en-US";
  let draft: Draft | null = null;
  let headers: Record<string, string> = {};
  let session: Record<string, string> = {};
  const handlers = new Map<string, (event: unknown) => unknown>();
  const itemChanged = new Set<() => void>();
  const roamingKey = () => `demo-outlook.roaming.${user}`;
  let roaming: Record<string, unknown> = {};
  const loadRoaming = () => {
    try {
      roaming = JSON.parse(localStorage.getItem(roamingKey()) ?? "{}") as Record<string, unknown>;
    } catch {
      roaming = {};
    }
  };
  loadRoaming();

  const field = (get: () => unknown, set: (value: unknown) => void) => ({
    getAsync: (...args: unknown[]) => callbackOf(args)?.(succeeded(get())),
    setAsync: (value: unknown, ...args: unknown[]) => {
      set(value);
      callbackOf(args)?.(succeeded(undefined));
    },
  });

  const item = {
    itemType: "message",
    get conversationId() {
      return draft?.conversationId ?? null;
    },
    subject: field(
      () => draft?.subject ?? "",
      (value) => draft && (draft.subject = String(value)),
    ),
    to: field(
      () => details(draft?.to ?? []),
      (value) => draft && (draft.to = emailsOf(value)),
    ),
    cc: field(
      () => details(draft?.cc ?? []),
      (value) => draft && (draft.cc = emailsOf(value)),
    ),
    body: {
      getAsync: (coercion: string, ...args: unknown[]) => {
        const html = draft?.bodyHtml ?? "";
        const text = html
          .replace(/<[^>]*>/g, " ")
          .replace(/\s+/g, " ")
          .trim();
        callbackOf<string>(args)?.(succeeded(String(coercion) === "html" ? html : text));
      },
      setAsync: (value: string, ...args: unknown[]) => {
        if (draft) draft.bodyHtml = String(value);
        callbackOf(args)?.(succeeded(undefined));
      },
    },
    internetHeaders: {
      getAsync: (names: string[], ...args: unknown[]) =>
        callbackOf(args)?.(
          succeeded(Object.fromEntries(names.filter((name) => name in headers).map((n) => [n, headers[n]]))),
        ),
      setAsync: (values: Record<string, string>, ...args: unknown[]) => {
        headers = { ...headers, ...values };
        callbackOf(args)?.(succeeded(undefined));
      },
      removeAsync: (names: string[], ...args: unknown[]) => {
        for (const name of names) delete headers[name];
        callbackOf(args)?.(succeeded(undefined));
      },
    },
    sessionData: {
      getAsync: (name: string, ...args: unknown[]) =>
        callbackOf(args)?.(name in session ? succeeded(session[name]) : failed("The specified key was not found")),
      setAsync: (name: string, value: string, ...args: unknown[]) => {
        session[name] = String(value);
        callbackOf(args)?.(succeeded(undefined));
      },
      removeAsync: (name: string, ...args: unknown[]) => {
        delete session[name];
        callbackOf(args)?.(succeeded(undefined));
      },
      clearAsync: (...args: unknown[]) => {
        session = {};
        callbackOf(args)?.(succeeded(undefined));
      },
      getAllAsync: (...args: unknown[]) => callbackOf(args)?.(succeeded({ ...session })),
    },
  };

  const office = {
    CoercionType: { Html: "html", Text: "text" },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    actions: {
      associate: (name: string, handler: (event: unknown) => unknown) => handlers.set(name, handler),
    },
    context: {
      // "Gets the locale (language) in RFC 1766 Language tag format specified by the user for the UI
      // of the Office client application" (Mailbox 1.1,
      // https://learn.microsoft.com/javascript/api/office/office.context#office-office-context-displaylanguage-member).
      get displayLanguage() {
        return displayLanguage;
      },
      requirements: {
        isSetSupported: (name: string, version = "1.1") => {
          if (name !== "Mailbox") return false;
          const [major, minor] = String(version).split(".").map(Number);
          return (
            (major ?? 0) < MAILBOX_VERSION[0]! ||
            ((major ?? 0) === MAILBOX_VERSION[0] && (minor ?? 0) <= MAILBOX_VERSION[1]!)
          );
        },
      },
      roamingSettings: {
        get: (name: string) => roaming[name],
        set: (name: string, value: unknown) => (roaming[name] = value),
        remove: (name: string) => delete roaming[name],
        saveAsync: (...args: unknown[]) => {
          localStorage.setItem(roamingKey(), JSON.stringify(roaming));
          callbackOf(args)?.(succeeded(undefined));
        },
      },
      mailbox: {
        get item() {
          return draft ? item : null;
        },
        get userProfile() {
          return { emailAddress: user, displayName: user };
        },
        addHandlerAsync: (_type: unknown, handler: () => void, ...args: unknown[]) => {
          itemChanged.add(handler);
          callbackOf(args)?.(succeeded(undefined));
        },
        removeHandlerAsync: (_type: unknown, ...args: unknown[]) => {
          itemChanged.clear();
          callbackOf(args)?.(succeeded(undefined));
        },
      },
    },
  } as unknown as typeof Office;

  const changed = () => {
    for (const handler of [...itemChanged]) handler();
  };

  return {
    office,
    /** Opens a message to write (a reply when it has a conversation); its session starts empty. */
    compose(next: Draft) {
      draft = { ...next, to: [...next.to], cc: [...next.cc] };
      headers = {};
      session = {};
      changed();
    },
    /** What the user typed into the open message. */
    edit(fields: Partial<Draft>) {
      if (draft) draft = { ...draft, ...fields };
    },
    draft: () => (draft ? { ...draft } : null),
    headers: () => ({ ...headers }),
    close() {
      draft = null;
      headers = {};
      session = {};
      changed();
    },
    setUser(email: string) {
      user = email.toLowerCase();
      loadRoaming();
    },
    /** Outlook's UI language changed: the pane sees it when it loads again, as after restarting Outlook. */
    setDisplayLanguage(tag: string) {
      displayLanguage = tag;
    },
    /** The user presses Send: OnMessageSend first, then the message goes, unless the handler stopped it. */
    async send(): Promise<SendOutcome> {
      const current = draft;
      if (!current) return { sent: false, reason: "No message is open" };
      if (current.to.length + current.cc.length === 0) return { sent: false, reason: "Add at least one recipient" };
      const handler = handlers.get(ON_SEND_FUNCTION);
      if (handler) {
        const verdict = await new Promise<{ allowEvent?: boolean; errorMessage?: string }>((resolve) => {
          Promise.resolve(
            handler({ type: "olkMessageSend", completed: (result?: object) => resolve(result ?? {}) }),
          ).catch(() => resolve({ allowEvent: true }));
        });
        if (verdict.allowEvent === false)
          return { sent: false, reason: verdict.errorMessage ?? "The add-in did not let the message go" };
      }
      await options.deliver(current, { ...headers });
      draft = null;
      headers = {};
      session = {};
      changed();
      return { sent: true };
    },
  };
}

export type SimulatedOffice = ReturnType<typeof createSimulatedOffice>;

/** Graph's sendMail (https://learn.microsoft.com/graph/api/user-sendmail): how the demo's Outlook sends. */
export function sendThroughGraph(graphBaseUrl: string, token: () => string) {
  return async (draft: Draft, headers: Record<string, string>) => {
    const recipients = (emails: string[]) => emails.map((address) => ({ emailAddress: { address } }));
    const response = await fetch(`${graphBaseUrl.replace(/\/+$/, "")}/me/sendMail`, {
      method: "POST",
      headers: { authorization: `Bearer ${token()}`, "content-type": "application/json" },
      body: JSON.stringify({
        message: {
          subject: draft.subject,
          body: { contentType: "HTML", content: draft.bodyHtml },
          toRecipients: recipients(draft.to),
          ccRecipients: recipients(draft.cc),
          internetMessageHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
        },
        saveToSentItems: true,
      }),
    });
    if (response.status !== 202) throw new Error(`Outlook could not send the message (${response.status})`);
  };
}

/**
 * The demo's stand-in for a customer who answers: the Graph fake's deliver endpoint (not Graph, see
 * demo/graph-fake/mail/deliver-path.ts) puts the answer in the user's Inbox, in the same conversation,
 * where tracked conversations find it.
 */
export function answerThroughFake(graphBaseUrl: string) {
  return async (answer: {
    to: string;
    from: { address: string; name?: string };
    subject: string;
    conversationId: string;
  }) => {
    const response = await fetch(`${new URL(graphBaseUrl).origin}${DELIVER_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...answer,
        bodyHtml: `<p>Thank you, that works for us.</p><p>Best regards<br>${answer.from.name ?? answer.from.address}</p>`,
      }),
    });
    if (response.status !== 201) throw new Error(`The answer did not arrive (${response.status})`);
  };
}
