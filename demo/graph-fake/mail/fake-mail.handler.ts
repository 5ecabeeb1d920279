import { FilterError, type MessagePredicate, parseMessageFilter, sameExtendedId } from "./fake-mail.filter";
import { FakeMailMailbox, type SendInput, type StoredMessage } from "./fake-mail.store";

/**
 * A Microsoft Graph mail fake (messages in Sent Items and Inbox) as one fetch-style handler, apart
 * from the calendar fake: msw handlers (jest) and a local server can both delegate to it. What it does
 * follows Graph's v1.0 documents, and it refuses what Graph refuses:
 * - GET /me/mailFolders/{sentitems|inbox}/messages and /me/messages with $filter, $select, $top,
 *   $expand=singleValueExtendedProperties($filter=id eq '…'), paged by @odata.nextLink
 *   (https://learn.microsoft.com/graph/api/user-list-messages; 10 a page unless $top says otherwise);
 * - internetMessageHeaders only when $select names it ("Returned only on applying a $select query
 *   option", https://learn.microsoft.com/graph/api/resources/message), never filterable;
 * - GET /me/mailFolders/{folder}/messages/delta with nextLink/deltaLink; a deltaLink Graph no longer
 *   knows answers 410 (https://learn.microsoft.com/graph/api/message-delta, "syncStateNotFound");
 * - POST /me/sendMail, what a mail client (the demo host's simulated Outlook) does to send: 202 with
 *   no body, a copy in Sent Items unless saveToSentItems is false; custom internetMessageHeaders only
 *   named "x-…", as Graph requires of headers set on create
 *   (https://learn.microsoft.com/graph/api/user-sendmail, https://learn.microsoft.com/graph/api/resources/message);
 * - GET /me/messages/{id} with $select (https://learn.microsoft.com/graph/api/message-get): the REST id
 *   form only. An Outlook item id as office.js gives it (EWS form, with "+" and "/") must first go
 *   through mailbox.convertToRestId (https://learn.microsoft.com/office/dev/add-ins/outlook/use-rest-api),
 *   else 400 ErrorInvalidIdMalformed "Id is malformed."; an id of the right form that the mailbox
 *   does not hold (another user's, a deleted one) 404 ErrorItemNotFound
 *   (https://learn.microsoft.com/graph/errors);
 * - replying, as a mail client does so that the answer stays in the conversation:
 *   POST /me/messages/{id}/reply (202, the answer in Sent Items) and POST /me/messages/{id}/createReply
 *   (201, a draft in Drafts) then POST /me/messages/{id}/send (202, the draft leaves Drafts for Sent
 *   Items). The answer goes to the original's sender, plus any toRecipients given, with "RE: " and the
 *   original's conversationId; "Specify either a comment or the body property of the message
 *   parameter. Specifying both will return an HTTP 400 Bad Request error"
 *   (https://learn.microsoft.com/graph/api/message-reply, https://learn.microsoft.com/graph/api/message-createreply,
 *   https://learn.microsoft.com/graph/api/message-send: "Send an existing draft message"). The fake
 *   keeps no replyTo (its messages have none, so the sender is the recipient) and reads no MIME
 *   (Content-Type text/plain): it says so instead of guessing;
 * - 401 without a bearer token, 429 with Retry-After when throttled
 *   (https://learn.microsoft.com/graph/throttling), 5xx or a dropped connection while "down".
 */
export interface MailFault {
  method?: string;
  /** Matched against the path after the version, e.g. /me/mailFolders/sentitems/messages. */
  path?: RegExp;
  status?: number;
  retryAfterSeconds?: number;
  networkError?: boolean;
  /** Holds the request this long first (a Graph that is slow to answer); alone, it then answers as usual. */
  delayMs?: number;
  times?: number;
}

export interface MailLogEntry {
  method: string;
  path: string;
  search: string;
  status: number;
  mailbox: string | null;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const graphError = (status: number, code: string, message: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { error: { code, message } },
  headers,
});

const WELL_KNOWN = new Set(["sentitems", "inbox", "drafts"]);
/** A REST item id: base64url of the store id ("-" and "_" where the EWS form has "+" and "/"), up to two "=". */
const REST_ID = /^[A-Za-z0-9_-]{8,}={0,2}$/;
const DEFAULT_PAGE = 10;
const MAX_TOP = 1000;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const unb64 = <T>(value: string): T | null => {
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString()) as T;
  } catch {
    return null;
  }
};

export type GraphMailFake = ReturnType<typeof createGraphMailFake>;

export function createGraphMailFake(options: { baseUrl: string; now?: () => number }) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const basePath = new URL(base).pathname;
  const clock = options.now ?? Date.now;
  const mailboxes = new Map<string, FakeMailMailbox>();
  const faults: (MailFault & { left: number })[] = [];
  const log: MailLogEntry[] = [];
  let down: { kind: "network" | "status"; status?: number; retryAfterSeconds?: number } | null = null;

  const mailbox = (token: string) => {
    let found = mailboxes.get(token);
    if (!found) mailboxes.set(token, (found = new FakeMailMailbox(token)));
    return found;
  };

  function takeFault(method: string, path: string): MailFault | null {
    const index = faults.findIndex(
      (fault) => (!fault.method || fault.method === method) && (!fault.path || fault.path.test(path)),
    );
    if (index < 0) return null;
    const fault = faults[index]!;
    if (--fault.left <= 0) faults.splice(index, 1);
    return fault;
  }

  /** $select: only the named properties (and id), as Graph returns them; internetMessageHeaders only when named. */
  function present(message: StoredMessage, select: string[] | null, expandIds: string[] | null) {
    const full: Record<string, unknown> = {
      id: message.id,
      "@odata.etag": `W/"${message.seq}"`,
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      subject: message.subject,
      from: message.from,
      sender: message.from,
      toRecipients: message.toRecipients,
      ccRecipients: message.ccRecipients,
      sentDateTime: message.sentDateTime,
      receivedDateTime: message.receivedDateTime,
      body: message.body,
      parentFolderId: message.folder,
      isDraft: message.isDraft,
    };
    const shown: Record<string, unknown> = select
      ? Object.fromEntries(
          Object.entries(full).filter(([key]) => key === "id" || key === "@odata.etag" || select.includes(key)),
        )
      : full;
    if (select?.includes("internetMessageHeaders")) shown.internetMessageHeaders = message.internetMessageHeaders;
    if (expandIds) {
      const properties = message.singleValueExtendedProperties.filter((property) =>
        expandIds.some((id) => sameExtendedId(property.id, id)),
      );
      if (properties.length > 0) shown.singleValueExtendedProperties = properties;
    }
    return shown;
  }

  function listQuery(
    url: URL,
  ): { filter: MessagePredicate; select: string[] | null; expand: string[] | null } | Answer {
    const params = url.searchParams;
    let filter: MessagePredicate = () => true;
    const rawFilter = params.get("$filter");
    if (rawFilter !== null) {
      try {
        filter = parseMessageFilter(rawFilter);
      } catch (error) {
        if (error instanceof FilterError)
          return graphError(
            400,
            "ErrorInvalidUrlQueryFilter",
            `The query filter contains one or more invalid nodes. ${error.message}`,
          );
        throw error;
      }
    }
    const select =
      params
        .get("$select")
        ?.split(",")
        .map((name) => name.trim()) ?? null;
    const rawExpand = params.get("$expand");
    let expand: string[] | null = null;
    if (rawExpand !== null) {
      const match = /^singleValueExtendedProperties\(\$filter=id eq '((?:[^']|'')*)'\)$/i.exec(rawExpand.trim());
      if (!match) return graphError(400, "BadRequest", `The fake does not support $expand=${rawExpand}`);
      expand = [match[1]!.replaceAll("''", "'")];
    }
    return { filter, select, expand };
  }

  function list(box: FakeMailMailbox, folder: string | null, url: URL): Answer {
    const query = listQuery(url);
    if ("status" in query) return query;
    const top = Number(url.searchParams.get("$top") ?? DEFAULT_PAGE);
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
      return graphError(400, "ErrorInvalidParameter", `$top must be 1 to ${MAX_TOP}`);
    const skip = Number(url.searchParams.get("$skip") ?? 0);
    const matches = box
      .live(folder ?? undefined)
      .filter(query.filter)
      .sort((a, b) => b.sentDateTime.localeCompare(a.sentDateTime) || b.seq - a.seq);
    const page = matches.slice(skip, skip + top);
    const body: Record<string, unknown> = {
      value: page.map((message) => present(message, query.select, query.expand)),
    };
    if (skip + top < matches.length) {
      const next = new URL(url);
      next.searchParams.set("$skip", String(skip + top));
      body["@odata.nextLink"] = next.toString();
    }
    return { status: 200, body };
  }

  function delta(box: FakeMailMailbox, folder: string, url: URL, prefer: string): Answer {
    const pageSize = Number(/odata\.maxpagesize=(\d+)/i.exec(prefer)?.[1] ?? DEFAULT_PAGE);
    const token = url.searchParams.get("$deltatoken") ?? url.searchParams.get("$skiptoken");
    // g: the sync state generation a link was issued in; expireDeltaTokens starts a new one, and every
    // link of an older one (deltaLink or nextLink alike) answers 410.
    type State = { s: number; o: number; upTo: number; g: number; sel?: string[] | null };
    let state: State = { s: 0, o: 0, upTo: box.seq, g: box.oldestValidSeq };
    if (token) {
      const parsed = unb64<State & { f: string }>(token);
      // A link this mailbox never issued (one from before the fake restarted) is as unknown as an old one.
      if (!parsed || parsed.f !== folder || (parsed.g ?? 0) !== box.oldestValidSeq || parsed.s > box.seq)
        return graphError(410, "SyncStateNotFound", "The sync state generation is not valid; start a full sync");
      state = url.searchParams.has("$deltatoken")
        ? { s: parsed.s, o: 0, upTo: box.seq, g: parsed.g, sel: parsed.sel }
        : parsed;
    }
    const changed = [...box.messages.values()]
      .filter((message) => message.folder === folder && message.seq > state.s && message.seq <= state.upTo)
      .filter((message) => !(message.deleted && state.s === 0))
      .sort((a, b) => a.seq - b.seq);
    const page = changed.slice(state.o, state.o + pageSize);
    // $select as on a list; the first request's $select holds for the links that follow it, as on Graph.
    const select =
      url.searchParams
        .get("$select")
        ?.split(",")
        .map((name) => name.trim()) ??
      state.sel ??
      null;
    const body: Record<string, unknown> = {
      value: page.map((message) =>
        message.deleted ? { id: message.id, "@removed": { reason: "deleted" } } : present(message, select, null),
      ),
    };
    const link = `${base}/me/mailFolders/${folder}/messages/delta`;
    if (state.o + pageSize < changed.length)
      body["@odata.nextLink"] =
        `${link}?$skiptoken=${b64({ ...state, o: state.o + pageSize, f: folder, sel: select })}`;
    else
      body["@odata.deltaLink"] =
        `${link}?$deltatoken=${b64({ s: state.upTo, o: 0, upTo: 0, g: state.g, f: folder, sel: select })}`;
    return { status: 200, body };
  }

  // The sender is the mailbox's owner: the fake knows them only by the static token "<prefix>-{user}".
  const ownerOf = (box: FakeMailMailbox) =>
    box.token.includes("-") ? box.token.slice(box.token.indexOf("-") + 1) : box.token;

  function sendMail(box: FakeMailMailbox, body: unknown): Answer {
    const parsed = parseSendMail(body);
    if (typeof parsed === "string") return graphError(400, "ErrorInvalidRequest", parsed);
    if (parsed.save) box.add("sentitems", { ...parsed.input, from: { address: ownerOf(box) } }, new Date(clock()));
    return { status: 202 };
  }

  /** reply and createReply: the answer to a message of this mailbox, or what Graph would refuse. */
  function answerTo(box: FakeMailMailbox, id: string, body: unknown, contentType: string): SendInput | Answer {
    if (/^text\/plain/i.test(contentType))
      return graphError(400, "BadRequest", "The mail fake does not read MIME content: send JSON");
    const original = box.messages.get(id);
    if (!original || original.deleted)
      return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    const parsed = parseReply(body);
    if (typeof parsed === "string") return graphError(400, "ErrorInvalidRequest", parsed);
    const quoted =
      `<hr><p><b>From:</b> ${escapeHtml(original.from.emailAddress.name ?? original.from.emailAddress.address)}` +
      `<br><b>Sent:</b> ${original.sentDateTime}<br><b>Subject:</b> ${escapeHtml(original.subject)}</p>` +
      original.body.content;
    const sender = { address: original.from.emailAddress.address, name: original.from.emailAddress.name };
    const to = [sender, ...parsed.to.filter((entry) => entry.address.toLowerCase() !== sender.address.toLowerCase())];
    return {
      from: { address: ownerOf(box) },
      to: to.map((entry) => (entry.name === undefined ? { address: entry.address } : entry)),
      subject: /^re:/i.test(original.subject) ? original.subject : `RE: ${original.subject}`,
      bodyHtml: parsed.bodyHtml ?? `<p>${escapeHtml(parsed.comment ?? "")}</p>${quoted}`,
      conversationId: original.conversationId,
    };
  }

  function reply(box: FakeMailMailbox, id: string, body: unknown, contentType: string, draft: boolean): Answer {
    const answer = answerTo(box, id, body, contentType);
    if ("status" in answer) return answer;
    const stored = box.add(draft ? "drafts" : "sentitems", answer, new Date(clock()));
    return draft ? { status: 201, body: present(stored, null, null) } : { status: 202 };
  }

  function sendDraft(box: FakeMailMailbox, id: string): Answer {
    const draft = box.messages.get(id);
    if (!draft || draft.deleted)
      return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    if (!draft.isDraft) return graphError(400, "ErrorInvalidRequest", "Only a draft message can be sent");
    box.remove(id);
    const sent = box.add(
      "sentitems",
      {
        from: { address: ownerOf(box) },
        to: draft.toRecipients.map((entry) => entry.emailAddress),
        cc: draft.ccRecipients.map((entry) => entry.emailAddress),
        subject: draft.subject,
        bodyHtml: draft.body.content,
        conversationId: draft.conversationId,
      },
      new Date(clock()),
    );
    // The message keeps the Internet message id it was given as a draft.
    sent.internetMessageId = draft.internetMessageId;
    return { status: 202 };
  }

  function dispatch(
    box: FakeMailMailbox,
    method: string,
    path: string,
    url: URL,
    prefer: string,
    body: unknown,
    contentType = "application/json",
  ): Answer {
    if (method === "POST" && /^\/me\/sendMail$/i.test(path)) return sendMail(box, body);
    const action = /^\/me\/messages\/([^/]+)\/(reply|createReply|send)$/i.exec(path);
    if (method === "POST" && action) {
      const id = decodeURIComponent(action[1]!);
      const verb = action[2]!.toLowerCase();
      if (verb === "send") return sendDraft(box, id);
      return reply(box, id, body, contentType, verb === "createreply");
    }
    if (method !== "GET")
      return graphError(405, "ErrorInvalidRequest", `The mail fake does not know ${method} ${path}`);
    const folderMatch = /^\/me\/mailFolders\/([^/]+)\/messages(\/delta)?$/i.exec(path);
    if (folderMatch) {
      const folder = decodeURIComponent(folderMatch[1]!).toLowerCase();
      if (!WELL_KNOWN.has(folder))
        return graphError(404, "ErrorItemNotFound", "The specified folder could not be found");
      return folderMatch[2] ? delta(box, folder, url, prefer) : list(box, folder, url);
    }
    if (/^\/me\/messages$/i.test(path)) return list(box, null, url);
    const single = /^\/me\/messages\/([^/]+)$/i.exec(path);
    if (single) {
      const id = decodeURIComponent(single[1]!);
      if (!REST_ID.test(id)) return graphError(400, "ErrorInvalidIdMalformed", "Id is malformed.");
      const message = box.messages.get(id);
      if (!message || message.deleted)
        return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
      const query = listQuery(url);
      if ("status" in query) return query;
      return { status: 200, body: present(message, query.select, query.expand) };
    }
    return graphError(400, "BadRequest", `The mail fake does not know ${method} ${path}`);
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.slice(basePath.length).replace(/\/+$/, "");
    const token = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
    const reply = (answer: Answer) => {
      log.push({ method: request.method, path, search: url.search, status: answer.status, mailbox: token });
      // 202 Accepted (sendMail) has no body, as on Graph.
      if (answer.body === undefined) return new Response(null, { status: answer.status, headers: answer.headers });
      return Response.json(answer.body, { status: answer.status, headers: answer.headers });
    };
    if (down?.kind === "network") return Response.error();
    if (down)
      return reply(
        graphError(
          down.status ?? 503,
          "ServiceUnavailable",
          "Graph mail is down (fake outage)",
          down.retryAfterSeconds !== undefined ? { "Retry-After": String(down.retryAfterSeconds) } : undefined,
        ),
      );
    const fault = takeFault(request.method, path);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs).unref());
    if (fault?.networkError) return Response.error();
    if (fault && (fault.status !== undefined || !fault.delayMs))
      return reply(
        graphError(
          fault.status ?? 503,
          fault.status === 429
            ? "TooManyRequests"
            : fault.status && fault.status < 500
              ? "ErrorAccessDenied"
              : "ServiceUnavailable",
          "Injected fault",
          fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : undefined,
        ),
      );
    if (!token) return reply(graphError(401, "InvalidAuthenticationToken", "Access token is empty."));
    const contentType = request.headers.get("content-type") ?? "application/json";
    const text = request.method === "POST" ? await request.text().catch(() => "") : "";
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = /^text\/plain/i.test(contentType) ? text : undefined;
    }
    return reply(
      dispatch(mailbox(token), request.method, path, url, request.headers.get("prefer") ?? "", body, contentType),
    );
  }

  /**
   * Not Graph: the demo's way to make mail arrive, as if someone outside wrote to the user. JSON
   * { to, from: { address, name? }, subject, bodyHtml?, conversationId? | inReplyTo?, internetMessageId? }
   * (inReplyTo: the internetMessageId of a message in that mailbox, whose conversation the new one
   * joins; internetMessageId: the one it should carry, as a message from outside does). 201 with
   * the message as Graph would list it; 400 naming the field that is wrong.
   */
  function deliver(input: unknown, tokenOf: (address: string) => string): Answer {
    const body = (input ?? {}) as Record<string, unknown>;
    const bad = (field: string, message: string) => graphError(400, "BadRequest", `${field}: ${message}`);
    const isAddress = (value: unknown): value is string =>
      typeof value === "string" && /^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 320;
    if (!isAddress(body.to)) return bad("to", "the address of the mailbox the message arrives in");
    const from = (body.from ?? {}) as { address?: unknown; name?: unknown };
    if (!isAddress(from.address)) return bad("from.address", "must be an e-mail address");
    if (from.name !== undefined && typeof from.name !== "string") return bad("from.name", "must be a string");
    if (typeof body.subject !== "string" || body.subject.length > 998) return bad("subject", "must be a string");
    if (body.bodyHtml !== undefined && typeof body.bodyHtml !== "string") return bad("bodyHtml", "must be a string");
    const box = mailbox(tokenOf(body.to));
    let conversationId: string | undefined;
    if (body.inReplyTo !== undefined) {
      const original = box.live().find((message) => message.internetMessageId === body.inReplyTo);
      if (!original) return bad("inReplyTo", "no message with this internetMessageId in that mailbox");
      conversationId = original.conversationId;
    } else if (body.conversationId !== undefined) {
      if (typeof body.conversationId !== "string" || body.conversationId.trim() === "")
        return bad("conversationId", "must be a string");
      conversationId = body.conversationId;
    }
    if (
      body.internetMessageId !== undefined &&
      (typeof body.internetMessageId !== "string" || !/^<[^\s<>]+@[^\s<>]+>$/.test(body.internetMessageId))
    )
      return bad("internetMessageId", "must look like <id@host>");
    const stored = box.add(
      "inbox",
      {
        internetMessageId: body.internetMessageId as string | undefined,
        from: typeof from.name === "string" ? { address: from.address, name: from.name } : { address: from.address },
        to: [{ address: body.to }],
        subject: body.subject,
        bodyHtml: body.bodyHtml as string | undefined,
        conversationId,
      },
      new Date(clock()),
    );
    return { status: 201, body: present(stored, null, null) };
  }

  return {
    handle,
    deliver,
    /** Every request answered, in order. */
    log,
    mailbox,
    inject(fault: MailFault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    /** Graph mail unreachable (network) or answering 5xx until up(). */
    goDown(next: { kind: "network" | "status"; status?: number; retryAfterSeconds?: number }) {
      down = next;
    },
    up() {
      down = null;
    },
    clearFaults() {
      faults.length = 0;
      down = null;
    },
    /** What the user does in Outlook: send a message (its copy lands in Sent Items), or receive one. */
    outlook: {
      send(token: string, input: SendInput, at = new Date(clock())) {
        return mailbox(token).add("sentitems", input, at);
      },
      receive(token: string, input: SendInput, at = new Date(clock())) {
        return mailbox(token).add("inbox", input, at);
      },
      delete(token: string, id: string) {
        const message = mailbox(token).messages.get(id);
        if (!message) throw new Error(`no message ${id}`);
        message.deleted = true;
        message.seq = ++mailbox(token).seq;
      },
      /** Graph forgets its delta state: every earlier deltaLink now answers 410. */
      expireDeltaTokens(token: string) {
        mailbox(token).oldestValidSeq = mailbox(token).seq + 1;
      },
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!);

/** A reply's or createReply's JSON body: a comment, or message properties (body, toRecipients), never both. */
function parseReply(
  body: unknown,
): { comment: string | null; bodyHtml: string | null; to: { address: string; name?: string }[] } | string {
  const input = (body ?? {}) as { comment?: unknown; message?: Record<string, unknown> };
  if (typeof input !== "object") return "The request body must be a JSON object";
  if (input.comment !== undefined && typeof input.comment !== "string") return "comment must be a string";
  const message = input.message ?? {};
  if (typeof message !== "object") return "message must be an object";
  const content = (message.body as { content?: unknown } | undefined)?.content;
  if (message.body !== undefined && typeof content !== "string") return "message.body needs a content";
  if (input.comment !== undefined && message.body !== undefined)
    return "Specify either a comment or the body property of the message parameter, not both";
  const to: { address: string; name?: string }[] = [];
  const list = message.toRecipients ?? [];
  if (!Array.isArray(list)) return "message.toRecipients must be a list";
  for (const entry of list as GraphRecipientIn[]) {
    const address = entry?.emailAddress?.address;
    if (typeof address !== "string" || !address.includes("@")) return "message.toRecipients holds an invalid address";
    const name = entry.emailAddress?.name;
    to.push(typeof name === "string" ? { address, name } : { address });
  }
  return {
    comment: (input.comment as string | undefined) ?? null,
    bodyHtml: (content as string | undefined) ?? null,
    to,
  };
}

interface GraphRecipientIn {
  emailAddress?: { address?: unknown; name?: unknown };
}

/** A sendMail body as Graph reads it, or what Graph would refuse about it. */
function parseSendMail(body: unknown): { input: Omit<SendInput, "from">; save: boolean } | string {
  const message = (body as { message?: Record<string, unknown> } | undefined)?.message;
  if (!message || typeof message !== "object") return "The request body must hold a message";
  const recipients = (field: string): { address: string; name?: string }[] | string => {
    const list = message[field] ?? [];
    if (!Array.isArray(list)) return `${field} must be a list`;
    const out: { address: string; name?: string }[] = [];
    for (const entry of list as GraphRecipientIn[]) {
      const address = entry?.emailAddress?.address;
      if (typeof address !== "string" || !address.includes("@")) return `${field} holds an invalid address`;
      const name = entry.emailAddress?.name;
      out.push(typeof name === "string" ? { address, name } : { address });
    }
    return out;
  };
  const to = recipients("toRecipients");
  const cc = recipients("ccRecipients");
  if (typeof to === "string") return to;
  if (typeof cc === "string") return cc;
  if (to.length + cc.length === 0) return "At least one recipient is required";
  const headers: Record<string, string> = {};
  const rawHeaders = message.internetMessageHeaders ?? [];
  if (!Array.isArray(rawHeaders)) return "internetMessageHeaders must be a list";
  for (const header of rawHeaders as { name?: unknown; value?: unknown }[]) {
    if (typeof header?.name !== "string" || typeof header.value !== "string")
      return "An internet message header needs a name and a value";
    // "Add custom headers only when creating a message, and name them starting with 'x-'".
    if (!/^x-/i.test(header.name))
      return `The internet message header name '${header.name}' should start with 'x-' or 'X-'`;
    headers[header.name] = header.value;
  }
  const content = (message.body as { content?: unknown } | undefined)?.content;
  return {
    input: {
      to,
      cc,
      subject: typeof message.subject === "string" ? message.subject : "",
      bodyHtml: typeof content === "string" ? content : "",
      internetHeaders: headers,
    },
    save: (body as { saveToSentItems?: unknown }).saveToSentItems !== false,
  };
}
