import type {
  ActivityCreate,
  ActivitySeries,
  ActivityUpdate,
  Activity,
  SeriesCreate,
  SeriesUpdate,
  ColdCallCreate,
  ColdCallResult,
  Contact,
  ContactCreate,
  Customer,
  CustomerCreate,
  CustomerPage,
  CustomerRecord,
  CustomerStatusList,
  CustomerTypeList,
  CustomerUpdate,
  EmailLogBulkLogged,
  EmailLogCreate,
  EmailLogCreated,
  EmailLogPage,
  EmailLogStatus,
  LifecycleResult,
  LogIntent,
  LogIntentCreate,
  NeverLogRule,
  NeverLogRuleCreate,
  TrackConversation,
  TrackedConversation,
  LogIntentCreated,
  LookupResult,
  Me,
  Note,
  NoteCreate,
  NoteUpdate,
  SyncRunResult,
  MySyncHealth,
  TemplateList,
  TimelineKind,
  TimelinePage,
  UserList,
} from "contract";
import type { z } from "zod";
import { createAttachmentsApi } from "./attachments-api";
import { commentsCalls } from "./comments-calls";
import { detailsCalls } from "./details-calls";
import { paymentsCalls } from "./payments-calls";
import { profilingCalls } from "./profiling-calls";
import { type DownloadedFile, reportCalls } from "./report-calls";
import { salesCalls } from "./sales-calls";
import { queryString as query } from "./query-string";
import { salesDocumentCalls } from "./sales-document-calls";
import { loanerCalls } from "./loaner-calls";
import { itemCalls } from "./item-calls";
import { type SendRequest, type TokenSource, createSendRequest } from "./send-request";
import { forgetAnswers } from "../shared/selection-cache";

type Json<T extends z.ZodType> = z.output<T>;

export type { TokenSource } from "./send-request";

export interface CustomerSearch {
  search?: string;
  types?: string[];
  statuses?: number[];
  dueReminders?: boolean;
  /** Only customers the signed-in user is a linked salesman of. */
  mine?: boolean;
  /** Only customers in this lifecycle state (RELEASED: awaiting approval). */
  lifecycle?: "NEW" | "RELEASED" | "ACTIVE";
  limit?: number;
  offset?: number;
}

export interface TimelineFilter {
  kinds?: TimelineKind[];
  /** ISO date-times. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** Typed calls to the service; request and response types come from the shared contract. */
export function createCrmApi(baseUrl: string, token: TokenSource) {
  const sendRequest = createSendRequest(baseUrl, token);
  // Every write the pane makes, answered or not, empties the answers kept for redrawing at once
  // (selection-cache.ts): the next view of any customer asks the service, not a copy from before.
  const send: SendRequest = async (method, path, options) => {
    try {
      return await sendRequest(method, path, options);
    } finally {
      if (method !== "GET") forgetAnswers(api);
    }
  };
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(method, path, {
      accept: "application/json",
      ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: "application/json" }),
    });
    // A deletion answers 204 without a body.
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  /** A file (CSV, PDF); the name comes from Content-Disposition. */
  async function download(path: string): Promise<DownloadedFile> {
    const response = await send("GET", path);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "download";
    return { blob: await response.blob(), fileName };
  }

  const api = {
    ...createAttachmentsApi(send),
    me: () => call<Me>("GET", "/api/me"),
    setTimeZone: (timeZone: string) => call<Me>("PATCH", "/api/me", { timeZone }),
    /** With `include: "record"`, the one customer's record comes along (LookupResult.record). */
    lookup: (emails: string[], include?: "record") =>
      call<LookupResult>(
        "GET",
        `/api/lookup${query([...emails.map((email): [string, string] => ["email", email]), ["include", include]])}`,
      ),
    record: (customerId: string) => call<CustomerRecord>("GET", `/api/customers/${encodeURIComponent(customerId)}`),
    searchCustomers: (search: CustomerSearch) =>
      call<CustomerPage>(
        "GET",
        `/api/customers${query([
          ["search", search.search?.trim()],
          ...(search.types ?? []).map((type): [string, string] => ["type", type]),
          ...(search.statuses ?? []).map((status): [string, number] => ["status", status]),
          ["reminders", search.dueReminders ? "due" : undefined],
          ["mine", search.mine ? "true" : undefined],
          ["lifecycle", search.lifecycle],
          ["limit", search.limit ?? 25],
          ["offset", search.offset || undefined],
        ])}`,
      ),
    createCustomer: (body: z.input<typeof CustomerCreate>) => call<Customer>("POST", "/api/customers", body),
    /** Only the fields given change; `version` is the customer's as loaded. */
    updateCustomer: (customerId: string, body: z.input<typeof CustomerUpdate>) =>
      call<Customer>("PATCH", `/api/customers/${encodeURIComponent(customerId)}`, body),
    statuses: () => call<Json<typeof CustomerStatusList>>("GET", "/api/customer-statuses"),
    types: () => call<Json<typeof CustomerTypeList>>("GET", "/api/types"),
    createContact: (body: z.input<typeof ContactCreate>) => call<Contact>("POST", "/api/contacts", body),
    templates: () => call<Json<typeof TemplateList>>("GET", "/api/templates"),
    createActivity: (body: z.input<typeof ActivityCreate>) => call<Activity>("POST", "/api/activities", body),
    /** Reschedule, edit, finish, cancel or reopen; "this one" for an occurrence of a series. `version` is the activity's as loaded. */
    updateActivity: (id: string, body: z.input<typeof ActivityUpdate>) =>
      call<Activity>("PATCH", `/api/activities/${encodeURIComponent(id)}`, body),
    createSeries: (body: z.input<typeof SeriesCreate>) =>
      call<Json<typeof ActivitySeries>>("POST", "/api/activity-series", body),
    series: (id: string) => call<Json<typeof ActivitySeries>>("GET", `/api/activity-series/${encodeURIComponent(id)}`),
    /** "The whole series". */
    updateSeries: (id: string, body: z.input<typeof SeriesUpdate>) =>
      call<Json<typeof ActivitySeries>>("PATCH", `/api/activity-series/${encodeURIComponent(id)}`, body),
    createNote: (body: z.input<typeof NoteCreate>) => call<Note>("POST", "/api/notes", body),
    updateNote: (id: string, body: z.input<typeof NoteUpdate>) =>
      call<Note>("PATCH", `/api/notes/${encodeURIComponent(id)}`, body),
    deleteNote: (id: string) => call<void>("DELETE", `/api/notes/${encodeURIComponent(id)}`),
    logEmail: (body: z.input<typeof EmailLogCreate>) => call<EmailLogCreated>("POST", "/api/email-log", body),
    /** Several selected messages (REST ids, at most 100): the service reads each through Graph and logs it. */
    logSelected: (messageIds: string[]) => call<EmailLogBulkLogged>("POST", "/api/email-log/bulk", { messageIds }),
    /** Log on send: an intent the OnMessageSend handler could not hand over itself. */
    logIntent: (body: z.input<typeof LogIntentCreate>) => call<LogIntentCreated>("POST", "/api/log-intents", body),
    logIntents: (limit = 20) => call<{ items: LogIntent[] }>("GET", `/api/log-intents${query([["limit", limit]])}`),
    /** Tracked conversations: the service logs every later message of the conversation. */
    trackConversation: (body: z.input<typeof TrackConversation>) =>
      call<{ created: boolean; tracked: TrackedConversation }>("POST", "/api/tracked-conversations", body),
    trackedConversations: () => call<{ items: TrackedConversation[] }>("GET", "/api/tracked-conversations"),
    stopTracking: (id: string) => call<void>("DELETE", `/api/tracked-conversations/${encodeURIComponent(id)}`),
    /** Never-log rules: the organisation's and the caller's own. */
    neverLogRules: () => call<{ items: NeverLogRule[] }>("GET", "/api/never-log-rules"),
    addNeverLogRule: (body: z.input<typeof NeverLogRuleCreate>) =>
      call<NeverLogRule>("POST", "/api/never-log-rules", body),
    removeNeverLogRule: (id: string) => call<void>("DELETE", `/api/never-log-rules/${encodeURIComponent(id)}`),
    emailLog: (customerId: string, limit = 10) =>
      call<Json<typeof EmailLogPage>>(
        "GET",
        `/api/customers/${encodeURIComponent(customerId)}/email-log${query([["limit", limit]])}`,
      ),
    users: () => call<Json<typeof UserList>>("GET", "/api/users"),
    /** One page of the customer's timeline, latest first; no kinds means all. */
    timeline: (customerId: string, filter: TimelineFilter) =>
      call<TimelinePage>(
        "GET",
        `/api/customers/${encodeURIComponent(customerId)}/timeline${query([
          ...(filter.kinds ?? []).map((kind): [string, string] => ["kind", kind]),
          ["from", filter.from],
          ["to", filter.to],
          ["limit", filter.limit],
          ["offset", filter.offset],
        ])}`,
      ),
    /** A finished call with its outcome, and the follow-up it led to, in one step. */
    coldCall: (body: z.input<typeof ColdCallCreate>) => call<ColdCallResult>("POST", "/api/cold-calls", body),
    /** The complete set of salesmen linked to a customer. */
    setSalesmen: (customerId: string, version: number, salesmanIds: string[]) =>
      call<Customer>("PUT", `/api/customers/${encodeURIComponent(customerId)}/salesmen`, { version, salesmanIds }),
    /** Release, approve or decline a customer (lifecycle); `version` is the customer's as loaded. */
    changeLifecycle: (customerId: string, step: "release" | "approve" | "decline", version: number, reason?: string) =>
      call<LifecycleResult>("POST", `/api/customers/${encodeURIComponent(customerId)}/${step}`, {
        version,
        ...(reason === undefined ? {} : { reason }),
      }),
    /** "Sync now": pushes the caller's changes to Outlook and pulls Outlook's back, then answers. */
    syncNow: () => call<SyncRunResult>("POST", "/api/sync/run"),
    /** The caller's own Outlook sync: last push and pull, what waits and why, the last error, notifications. */
    syncHealth: () => call<MySyncHealth>("GET", "/api/sync/health/me"),
    /** "Send to Outlook again": an activity Outlook refused goes back to the outbox as it is now. */
    resendToOutlook: (activityId: string) =>
      call<Activity>("POST", `/api/activities/${encodeURIComponent(activityId)}/resend-to-outlook`),
    emailLogStatus: (internetMessageId: string) =>
      call<Json<typeof EmailLogStatus>>(
        "GET",
        `/api/email-log/status${query([["internetMessageId", internetMessageId]])}`,
      ),
    ...salesCalls(call),
    ...commentsCalls(call),
    ...detailsCalls(call),
    ...profilingCalls(call),
    ...salesDocumentCalls(call, download),
    ...loanerCalls(call),
    ...itemCalls(call),
    ...reportCalls(call, download),
    ...paymentsCalls(call),
  };
  return api;
}

export type CrmApi = ReturnType<typeof createCrmApi>;
