/* eslint-disable @typescript-eslint/no-explicit-any -- the suite reads arbitrary JSON bodies and Express internals */
import {
  PERMISSIONS,
  PERMISSION_NAMES,
  type Permission,
  type Role,
  allows,
  permissionsMarkdown,
  whoMay,
} from "contract";
import fs from "node:fs";
import path from "node:path";
import type { ApiClient, ApiResponse } from "../support/api-client";
import { expressRoutes } from "../support/express-routes";
import { unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

/**
 * The authorisation table, walked: every write route of the app, as each persona, on both databases.
 * Allowed personas must succeed (2xx), each on a record of its own; refused ones must get 403 naming
 * who may, and leave the record as it was. The route list comes from the running app, so a new
 * write route without an entry here fails the suite.
 *
 * Every case's record belongs to `owner` (a salesman not linked to its customer), and its customer's
 * only salesman is `linked`; `colleague` is a salesman who is neither.
 */
const PERSONAS = ["owner", "linked", "colleague", "manager", "admin"] as const;
type Persona = (typeof PERSONAS)[number];
const ROLE: Record<Persona, Role> = {
  owner: "SALESMAN",
  linked: "SALESMAN",
  colleague: "SALESMAN",
  manager: "MANAGER",
  admin: "ADMIN",
};
const factsOf = (persona: Persona) => ({ owner: persona === "owner", linked: persona === "linked" });

/**
 * Writes reached before authentication, outside the table: the development issuer's token route, and
 * Microsoft Graph's notifications, which come without a bearer token by design and are authenticated
 * by each subscription's clientState instead (test/calendar-sync/notifications.test.ts).
 */
const OUTSIDE_THE_TABLE = ["POST /api/dev/token", "POST /api/graph/notifications"];

interface Attempt {
  path: string;
  /** JSON, or per persona (e.g. "link myself"). */
  body?: unknown | ((who: Persona) => unknown);
  /** A raw body with its type (file uploads). */
  raw?: { contentType: string; data: string };
  /** What a refused attempt must leave unchanged, read back as the manager. */
  read: () => Promise<unknown>;
}
interface Case {
  permission: Permission;
  /** A fresh record for one attempt (each allowed persona gets its own; refused ones share one). */
  prepare: (c: Context) => Promise<Attempt>;
}

interface Context {
  service: TestService;
  as: Record<Persona, ApiClient>;
  ids: Record<Persona, string>;
  /** Status 1 and ACTIVE (it may receive quotes and orders); `linked` is its salesman. */
  customerId: string;
  contactId: string;
  questionId: string;
}

/** The body, the id: a write that must succeed while the suite sets up a case. */
async function made(response: Promise<ApiResponse>): Promise<any> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`setup failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

const get = (c: Context, url: string) => async () => (await c.as.manager.get(url)).body;

/** A customer on its own, made by the manager: `linked` its salesman, NEW, status 2 unless given. */
const newCustomer = (c: Context, fields: Record<string, unknown> = {}) =>
  made(
    c.as.manager.post("/api/customers", {
      accountNumber: unique("AUTHZ"),
      name: "Authorisation GmbH",
      status: 2,
      salesmanIds: [c.ids.linked],
      ...fields,
    }),
  );
const releasedCustomer = async (c: Context) => {
  const customer = await newCustomer(c);
  await made(c.as.manager.post(`/api/customers/${customer.id}/release`, { version: 1 }));
  return customer;
};

const by = (c: Context) => c.as.owner;
const lines = [{ item: "PUMP-200", quantity: "1", unitPrice: "10.00" }];
const opportunity = (c: Context) =>
  made(by(c).post("/api/opportunities", { customerId: c.customerId, title: "Renewal", value: "100", currency: "EUR" }));
const incident = (c: Context) => made(by(c).post("/api/incidents", { customerId: c.customerId, subject: "Line down" }));
const quote = (c: Context) => made(by(c).post("/api/quotes", { customerId: c.customerId, lines }));
const order = (c: Context) => made(by(c).post("/api/orders", { customerId: c.customerId, lines }));
const activity = (c: Context) =>
  made(
    by(c).post("/api/activities", {
      customerId: c.customerId,
      type: "CALL",
      subject: "Follow-up",
      startsAt: "2027-03-01T09:00:00Z",
      timeZone: "Europe/Berlin",
    }),
  );
const note = (c: Context) => made(by(c).post("/api/notes", { customerId: c.customerId, bodyHtml: "<p>Met</p>" }));
const emailEntry = (c: Context) =>
  made(
    by(c).post("/api/email-log", {
      internetMessageId: `<${unique("authz")}@fabrikam.example>`,
      subject: "Offer",
      from: { email: "jonas@fabrikam.example" },
      sentAt: "2026-11-20T09:30:00Z",
      customerId: c.customerId,
    }),
  );
const agreementBody = {
  purpose: "Listing fee",
  amount: "100.00",
  currency: "EUR",
  periodFrom: "2027-01-01",
  periodTo: "2027-12-31",
};
const paymentAgreement = (c: Context) =>
  made(by(c).post(`/api/customers/${c.customerId}/payment-agreements`, agreementBody));
const textFile = { contentType: "text/plain", data: "Minutes of the meeting" };
const profilingSet = (c: Context) =>
  made(
    c.as.admin.post("/api/profiling/sets", {
      name: unique("Set"),
      questions: [{ text: "How many machines?", kind: "NUMBER" }],
    }),
  );
const specialPrice = (c: Context) =>
  made(c.as.manager.post(`/api/customers/${c.customerId}/special-prices`, { item: unique("ITEM"), unitPrice: "9" }));

const crossReference = (c: Context) =>
  made(
    c.as.manager.post(`/api/customers/${c.customerId}/cross-references`, {
      customerCode: unique("THEIRS"),
      item: "PUMP-200",
    }),
  );

/** Every write route of the app and the cases that exercise each of its permissions. */
const ROUTES: Record<string, Case[]> = {
  "POST /api/customers": [
    {
      // Without an account number: the sequence gives it.
      permission: "customers:create",
      prepare: async (c) => {
        const name = unique("Prospect");
        return {
          path: "/api/customers",
          body: { name, status: 2 },
          read: get(c, `/api/customers?search=${name}`),
        };
      },
    },
    {
      permission: "customers:account-number",
      prepare: async (c) => {
        const accountNumber = unique("CHOSEN");
        return {
          path: "/api/customers",
          body: { accountNumber, name: "Chosen Number Ltd", status: 2 },
          read: get(c, `/api/customers?search=${accountNumber}`),
        };
      },
    },
    {
      permission: "customers:status-1",
      prepare: async (c) => {
        const accountNumber = unique("ACTUAL");
        return {
          path: "/api/customers",
          body: { accountNumber, name: "Actual Ltd", status: 1 },
          read: get(c, `/api/customers?search=${accountNumber}`),
        };
      },
    },
  ],
  "PATCH /api/customers/:id": [
    {
      // Between codes other than 1 is everyone's.
      permission: "customers:change",
      prepare: async (c) => {
        const customer = await newCustomer(c);
        return {
          path: `/api/customers/${customer.id}`,
          body: { version: 1, name: "Renamed GmbH", status: 3 },
          read: get(c, `/api/customers/${customer.id}`),
        };
      },
    },
    {
      permission: "customers:account-number",
      prepare: async (c) => {
        const customer = await newCustomer(c);
        return {
          path: `/api/customers/${customer.id}`,
          body: { version: 1, accountNumber: unique("RENUMBERED") },
          read: get(c, `/api/customers/${customer.id}`),
        };
      },
    },
    {
      permission: "customers:status-1",
      prepare: async (c) => {
        const customer = await newCustomer(c);
        return {
          path: `/api/customers/${customer.id}`,
          body: { version: 1, status: 1 },
          read: get(c, `/api/customers/${customer.id}`),
        };
      },
    },
    {
      // Taking status 1 away is the accounts department's too.
      permission: "customers:status-1",
      prepare: async (c) => {
        const customer = await newCustomer(c, { status: 1 });
        return {
          path: `/api/customers/${customer.id}`,
          body: { version: 1, status: 2 },
          read: get(c, `/api/customers/${customer.id}`),
        };
      },
    },
    {
      permission: "customers:salesmen",
      prepare: async (c) => {
        const customer = await newCustomer(c);
        return {
          path: `/api/customers/${customer.id}`,
          body: (who: Persona) => ({ version: 1, salesmanIds: [c.ids[who], c.ids.owner] }),
          read: get(c, `/api/customers/${customer.id}`),
        };
      },
    },
  ],
  "PUT /api/customers/:id/salesmen": [
    {
      // The attack: link myself as the only salesman (and then release it).
      permission: "customers:salesmen",
      prepare: async (c) => {
        const customer = await newCustomer(c);
        return {
          path: `/api/customers/${customer.id}/salesmen`,
          body: (who: Persona) => ({ version: 1, salesmanIds: [c.ids[who]] }),
          read: get(c, `/api/customers/${customer.id}`),
        };
      },
    },
  ],
  "POST /api/customers/:id/release": [
    {
      permission: "customers:release",
      prepare: async (c) => {
        const customer = await newCustomer(c);
        return {
          path: `/api/customers/${customer.id}/release`,
          body: { version: 1 },
          read: get(c, `/api/customers/${customer.id}/lifecycle`),
        };
      },
    },
  ],
  "POST /api/customers/:id/approve": [
    {
      permission: "customers:approve",
      prepare: async (c) => {
        const customer = await releasedCustomer(c);
        return {
          path: `/api/customers/${customer.id}/approve`,
          body: { version: 2 },
          read: get(c, `/api/customers/${customer.id}/lifecycle`),
        };
      },
    },
  ],
  "POST /api/customers/:id/decline": [
    {
      permission: "customers:approve",
      prepare: async (c) => {
        const customer = await releasedCustomer(c);
        return {
          path: `/api/customers/${customer.id}/decline`,
          body: { version: 2, reason: "VAT number missing" },
          read: get(c, `/api/customers/${customer.id}/lifecycle`),
        };
      },
    },
  ],
  "POST /api/contacts": [
    {
      permission: "contacts:write",
      prepare: async (c) => ({
        path: "/api/contacts",
        body: { customerId: c.customerId, firstName: "Nora", lastName: unique("Weiss") },
        read: get(c, `/api/contacts?customerId=${c.customerId}`),
      }),
    },
  ],
  "PATCH /api/contacts/:id": [
    {
      permission: "contacts:write",
      prepare: async (c) => {
        const contact = await made(by(c).post("/api/contacts", { customerId: null, firstName: "Tim", lastName: "B" }));
        return {
          path: `/api/contacts/${contact.id}`,
          body: { version: 1, customerId: c.customerId },
          read: get(c, `/api/contacts/${contact.id}`),
        };
      },
    },
  ],
  "POST /api/contacts/:id/consent": [
    {
      permission: "consent:record",
      prepare: async (c) => ({
        path: `/api/contacts/${c.contactId}/consent`,
        body: { channel: "EMAIL", status: "GRANTED", source: "web form", date: "2026-01-05" },
        read: get(c, `/api/contacts/${c.contactId}/consent`),
      }),
    },
  ],
  "POST /api/customers/:id/third-parties": [
    {
      permission: "third-parties:write",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/third-parties`,
        body: { name: "LeaseCo", role: "Leasing company" },
        read: get(c, `/api/customers/${c.customerId}/third-parties`),
      }),
    },
  ],
  "PATCH /api/third-parties/:id": [
    {
      permission: "third-parties:write",
      prepare: async (c) => {
        const party = await made(by(c).post(`/api/customers/${c.customerId}/third-parties`, { name: "A", role: "B" }));
        return {
          path: `/api/third-parties/${party.id}`,
          body: { version: 1, phone: "+49 40 123" },
          read: get(c, `/api/customers/${c.customerId}/third-parties`),
        };
      },
    },
  ],
  "DELETE /api/third-parties/:id": [
    {
      permission: "third-parties:write",
      prepare: async (c) => {
        const party = await made(by(c).post(`/api/customers/${c.customerId}/third-parties`, { name: "A", role: "B" }));
        return { path: `/api/third-parties/${party.id}`, read: get(c, `/api/customers/${c.customerId}/third-parties`) };
      },
    },
  ],
  "POST /api/customers/:id/ship-to": [
    {
      permission: "ship-to:write",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/ship-to`,
        body: { street: "Dock 4", postalCode: "20457", city: "Hamburg", country: "Germany" },
        read: get(c, `/api/customers/${c.customerId}/ship-to`),
      }),
    },
  ],
  "PATCH /api/ship-to/:id": [
    {
      permission: "ship-to:write",
      prepare: async (c) => {
        const address = await shipTo(c);
        return {
          path: `/api/ship-to/${address.id}`,
          body: { version: 1, city: "Altona" },
          read: get(c, `/api/customers/${c.customerId}/ship-to`),
        };
      },
    },
  ],
  "DELETE /api/ship-to/:id": [
    {
      permission: "ship-to:write",
      prepare: async (c) => {
        const address = await shipTo(c);
        return { path: `/api/ship-to/${address.id}`, read: get(c, `/api/customers/${c.customerId}/ship-to`) };
      },
    },
  ],
  "POST /api/activities": [
    {
      permission: "activities:create",
      prepare: async (c) => ({
        path: "/api/activities",
        body: {
          customerId: c.customerId,
          type: "VISIT",
          subject: "Visit",
          startsAt: "2027-03-02T09:00:00Z",
          timeZone: "Europe/Berlin",
        },
        read: get(c, `/api/activities?customerId=${c.customerId}&limit=200`),
      }),
    },
  ],
  "PATCH /api/activities/:id": [
    {
      permission: "activities:change",
      prepare: async (c) => {
        const planned = await activity(c);
        return {
          path: `/api/activities/${planned.id}`,
          body: { version: 1, status: "FINISHED" },
          read: get(c, `/api/activities/${planned.id}`),
        };
      },
    },
  ],
  "POST /api/activity-series": [
    {
      permission: "activities:create",
      prepare: async (c) => ({
        path: "/api/activity-series",
        body: {
          customerId: c.customerId,
          type: "CALL",
          subject: "Weekly call",
          startsAt: "2027-03-02T09:00:00Z",
          endsAt: "2027-03-02T09:30:00Z",
          timeZone: "Europe/Berlin",
          recurrence: { pattern: { type: "daily", interval: 7 }, range: { type: "numbered", numberOfOccurrences: 2 } },
        },
        read: get(c, `/api/activities?customerId=${c.customerId}&limit=200`),
      }),
    },
  ],
  "PATCH /api/activity-series/:id": [
    {
      permission: "activities:change",
      prepare: async (c) => {
        const series = await made(
          by(c).post("/api/activity-series", {
            customerId: c.customerId,
            type: "CALL",
            subject: "Weekly call",
            startsAt: "2027-03-02T09:00:00Z",
            endsAt: "2027-03-02T09:30:00Z",
            timeZone: "Europe/Berlin",
            recurrence: {
              pattern: { type: "daily", interval: 7 },
              range: { type: "numbered", numberOfOccurrences: 2 },
            },
          }),
        );
        return {
          path: `/api/activity-series/${series.id}`,
          body: { version: 1, subject: "Team call" },
          read: get(c, `/api/activity-series/${series.id}`),
        };
      },
    },
  ],
  "POST /api/activities/:id/resend-to-outlook": [
    {
      permission: "activities:change",
      prepare: async (c) => {
        const planned = await activity(c);
        // Only an activity Outlook refused can be sent again: the state a 4xx from Graph leaves.
        await c.service.service.db.prisma.activity.update({
          where: { id: planned.id },
          data: { syncState: "FAILED", syncError: "Graph refused it" },
        });
        return {
          path: `/api/activities/${planned.id}/resend-to-outlook`,
          body: {},
          read: get(c, `/api/activities/${planned.id}`),
        };
      },
    },
  ],
  "POST /api/cold-calls": [
    {
      permission: "activities:create",
      prepare: async (c) => ({
        path: "/api/cold-calls",
        body: { customerId: c.customerId, outcome: "NO_ANSWER" },
        read: get(c, `/api/activities?customerId=${c.customerId}&limit=200`),
      }),
    },
  ],
  "POST /api/notes": [
    {
      permission: "notes:create",
      prepare: async (c) => ({
        path: "/api/notes",
        body: { customerId: c.customerId, bodyHtml: "<p>Visited</p>" },
        read: get(c, `/api/notes?customerId=${c.customerId}&limit=200`),
      }),
    },
  ],
  "PATCH /api/notes/:id": [
    {
      permission: "notes:change",
      prepare: async (c) => {
        const written = await note(c);
        return {
          path: `/api/notes/${written.id}`,
          body: { version: 1, bodyHtml: "<p>Edited</p>" },
          read: get(c, `/api/notes/${written.id}`),
        };
      },
    },
  ],
  "DELETE /api/notes/:id": [
    {
      permission: "notes:change",
      prepare: async (c) => {
        const written = await note(c);
        return { path: `/api/notes/${written.id}`, read: get(c, `/api/notes/${written.id}`) };
      },
    },
  ],
  "POST /api/customers/:id/comments": [
    {
      permission: "comments:create",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/comments`,
        body: { body: "Prefers calls before 10" },
        read: get(c, `/api/customers/${c.customerId}/comments?limit=200`),
      }),
    },
  ],
  "PATCH /api/comments/:id": [
    {
      permission: "comments:change",
      prepare: async (c) => {
        const comment = await made(by(c).post(`/api/customers/${c.customerId}/comments`, { body: "Draft" }));
        return {
          path: `/api/comments/${comment.id}`,
          body: { version: 1, pinned: true },
          read: get(c, `/api/customers/${c.customerId}/comments?limit=200`),
        };
      },
    },
  ],
  "DELETE /api/comments/:id": [
    {
      permission: "comments:change",
      prepare: async (c) => {
        await made(by(c).post(`/api/customers/${c.customerId}/comments`, { body: "Draft" }));
        const comment = await made(by(c).post(`/api/customers/${c.customerId}/comments`, { body: "Old" }));
        return {
          path: `/api/comments/${comment.id}`,
          read: get(c, `/api/customers/${c.customerId}/comments?limit=200`),
        };
      },
    },
  ],
  "POST /api/email-log": [
    {
      permission: "email-log:write",
      prepare: async (c) => ({
        path: "/api/email-log",
        body: {
          internetMessageId: `<${unique("logged")}@fabrikam.example>`,
          subject: "Re: Offer",
          from: { email: "jonas@fabrikam.example" },
          sentAt: "2026-11-21T09:30:00Z",
          customerId: c.customerId,
        },
        read: get(c, `/api/customers/${c.customerId}/email-log?limit=200`),
      }),
    },
  ],
  "POST /api/email-log/bulk": [
    {
      permission: "email-log:write",
      // This suite's Graph answers nothing: each message comes back "failed", the request itself allowed.
      prepare: async (c) => ({
        path: "/api/email-log/bulk",
        body: { messageIds: ["AAMkAGI2authzAAAA"] },
        read: get(c, `/api/customers/${c.customerId}/email-log?limit=200`),
      }),
    },
  ],
  "POST /api/log-intents": [
    {
      permission: "email-log:write",
      prepare: async (c) => ({
        path: "/api/log-intents",
        body: { marker: unique("log-intent-marker"), customerId: c.customerId, contactId: c.contactId },
        read: get(c, "/api/log-intents?limit=100"),
      }),
    },
  ],
  "POST /api/tracked-conversations": [
    {
      permission: "email-log:write",
      prepare: async (c) => ({
        path: "/api/tracked-conversations",
        body: { conversationId: unique("AAQk-authz"), customerId: c.customerId, contactId: c.contactId },
        read: get(c, "/api/tracked-conversations"),
      }),
    },
  ],
  "DELETE /api/tracked-conversations/:id": [
    {
      permission: "tracking:stop",
      prepare: async (c) => {
        const { tracked } = await made(
          by(c).post("/api/tracked-conversations", { conversationId: unique("AAQk-stop"), customerId: c.customerId }),
        );
        return {
          path: `/api/tracked-conversations/${tracked.id}`,
          read: get(c, `/api/tracked-conversations/${tracked.id}`),
        };
      },
    },
  ],
  "POST /api/never-log-rules": [
    {
      permission: "never-log:own",
      prepare: async (c) => ({
        path: "/api/never-log-rules",
        body: { value: `${unique("lawyer")}@legal.example` },
        read: get(c, "/api/never-log-rules"),
      }),
    },
    {
      permission: "never-log:organization",
      prepare: async (c) => ({
        path: "/api/never-log-rules",
        body: { value: `${unique("council")}.example`, scope: "ORGANIZATION" },
        read: get(c, "/api/never-log-rules"),
      }),
    },
  ],
  "DELETE /api/never-log-rules/:id": [
    {
      permission: "never-log:drop",
      prepare: async (c) => {
        const rule = await made(by(c).post("/api/never-log-rules", { value: `${unique("own")}@legal.example` }));
        return { path: `/api/never-log-rules/${rule.id}`, read: get(c, `/api/never-log-rules/${rule.id}`) };
      },
    },
    {
      permission: "never-log:organization",
      prepare: async (c) => {
        const rule = await made(
          c.as.admin.post("/api/never-log-rules", { value: `${unique("org")}.example`, scope: "ORGANIZATION" }),
        );
        return { path: `/api/never-log-rules/${rule.id}`, read: get(c, `/api/never-log-rules/${rule.id}`) };
      },
    },
  ],
  "POST /api/customers/:id/attachments": [
    {
      permission: "attachments:upload",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/attachments?fileName=minutes.txt`,
        raw: textFile,
        read: get(c, `/api/customers/${c.customerId}/attachments`),
      }),
    },
  ],
  "POST /api/activities/:id/attachments": [
    {
      permission: "attachments:upload",
      prepare: async (c) => {
        const planned = await activity(c);
        return {
          path: `/api/activities/${planned.id}/attachments?fileName=agenda.txt`,
          raw: textFile,
          read: get(c, `/api/activities/${planned.id}/attachments`),
        };
      },
    },
  ],
  "POST /api/notes/:id/attachments": [
    {
      permission: "attachments:upload",
      prepare: async (c) => {
        const written = await note(c);
        return {
          path: `/api/notes/${written.id}/attachments?fileName=sketch.txt`,
          raw: textFile,
          read: get(c, `/api/notes/${written.id}/attachments`),
        };
      },
    },
  ],
  "POST /api/email-log/:entryId/attachments": [
    {
      permission: "attachments:upload",
      prepare: async (c) => {
        const logged = await emailEntry(c);
        return {
          path: `/api/email-log/${logged.id}/attachments?fileName=offer.txt`,
          raw: textFile,
          read: get(c, `/api/email-log/${logged.id}/attachments`),
        };
      },
    },
  ],
  "DELETE /api/attachments/:id": [
    {
      permission: "attachments:delete",
      prepare: async (c) => {
        const file = await made(
          by(c).request("POST", `/api/customers/${c.customerId}/attachments?fileName=old.txt`, textFile.data, {
            "content-type": textFile.contentType,
          }),
        );
        return { path: `/api/attachments/${file.id}`, read: get(c, `/api/customers/${c.customerId}/attachments`) };
      },
    },
  ],
  "POST /api/opportunities": [
    {
      permission: "opportunities:create",
      prepare: async (c) => ({
        path: "/api/opportunities",
        body: { customerId: c.customerId, title: "Service contract", value: "5000", currency: "EUR" },
        read: get(c, `/api/opportunities?customerId=${c.customerId}`),
      }),
    },
  ],
  "PATCH /api/opportunities/:id": [
    {
      permission: "opportunities:change",
      prepare: async (c) => {
        const open = await opportunity(c);
        return {
          path: `/api/opportunities/${open.id}`,
          body: { version: 1, stage: "WON" },
          read: get(c, `/api/opportunities/${open.id}`),
        };
      },
    },
  ],
  "POST /api/incidents": [
    {
      permission: "incidents:create",
      prepare: async (c) => ({
        path: "/api/incidents",
        body: { customerId: c.customerId, subject: "Squeaky door" },
        read: get(c, `/api/incidents?customerId=${c.customerId}`),
      }),
    },
  ],
  "PATCH /api/incidents/:id": [
    {
      permission: "incidents:change",
      prepare: async (c) => {
        const open = await incident(c);
        return {
          path: `/api/incidents/${open.id}`,
          body: { version: 1, state: "RESOLVED" },
          read: get(c, `/api/incidents/${open.id}`),
        };
      },
    },
  ],
  "POST /api/actions": [
    {
      permission: "actions:create",
      prepare: async (c) => ({
        path: "/api/actions",
        body: { customerId: c.customerId, title: "Send brochure" },
        read: get(c, `/api/actions?customerId=${c.customerId}&open=false`),
      }),
    },
  ],
  "PATCH /api/actions/:id": [
    {
      permission: "actions:change",
      prepare: async (c) => {
        const open = await made(by(c).post("/api/actions", { customerId: c.customerId, title: "Call back" }));
        return {
          path: `/api/actions/${open.id}`,
          body: { version: 1, done: true },
          read: get(c, `/api/actions?customerId=${c.customerId}&open=false`),
        };
      },
    },
  ],
  "POST /api/quotes": [
    {
      permission: "quotes:create",
      prepare: async (c) => ({
        path: "/api/quotes",
        body: { customerId: c.customerId, lines },
        read: get(c, `/api/quotes?customerId=${c.customerId}`),
      }),
    },
  ],
  "PATCH /api/quotes/:id": [
    {
      permission: "quotes:change",
      prepare: async (c) => {
        const offered = await quote(c);
        return {
          path: `/api/quotes/${offered.id}`,
          body: { version: 1, lines: [{ item: "SEAL-KIT", quantity: "2", unitPrice: "1.00" }] },
          read: get(c, `/api/quotes/${offered.id}`),
        };
      },
    },
  ],
  "POST /api/quotes/:id/convert": [
    {
      permission: "quotes:change",
      prepare: async (c) => {
        const offered = await quote(c);
        return {
          path: `/api/quotes/${offered.id}/convert`,
          body: { version: 1 },
          read: get(c, `/api/quotes/${offered.id}`),
        };
      },
    },
  ],
  "POST /api/orders": [
    {
      permission: "orders:create",
      prepare: async (c) => ({
        path: "/api/orders",
        body: { customerId: c.customerId, lines },
        read: get(c, `/api/orders?customerId=${c.customerId}`),
      }),
    },
  ],
  "PATCH /api/orders/:id": [
    {
      permission: "orders:change",
      prepare: async (c) => {
        const entered = await order(c);
        return {
          path: `/api/orders/${entered.id}`,
          body: { version: 1, status: "CLOSED" },
          read: get(c, `/api/orders/${entered.id}`),
        };
      },
    },
  ],
  "POST /api/orders/:id/return": [
    {
      permission: "orders:change",
      prepare: async (c) => {
        const today = new Date().toISOString().slice(0, 10);
        const lent = await made(
          by(c).post("/api/orders", { customerId: c.customerId, type: "LOANER", dueBackOn: today, lines }),
        );
        return {
          path: `/api/orders/${lent.id}/return`,
          body: { returnedOn: today },
          read: get(c, `/api/orders/${lent.id}`),
        };
      },
    },
  ],
  "POST /api/customers/:id/special-prices": [
    {
      permission: "prices:manage",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/special-prices`,
        body: { item: unique("ITEM"), unitPrice: "8.50" },
        read: get(c, `/api/customers/${c.customerId}/special-prices`),
      }),
    },
  ],
  "POST /api/items": [
    {
      permission: "items:manage",
      prepare: async (c) => ({
        path: "/api/items",
        body: { code: unique("ITEM"), description: "Bolt M8" },
        read: get(c, "/api/items"),
      }),
    },
  ],
  "PATCH /api/items/:id": [
    {
      permission: "items:manage",
      prepare: async (c) => {
        const item = await made(c.as.manager.post("/api/items", { code: unique("ITEM"), description: "Nut M8" }));
        return { path: `/api/items/${item.id}`, body: { version: 1, active: false }, read: get(c, "/api/items") };
      },
    },
  ],
  "POST /api/customers/:id/cross-references": [
    {
      permission: "cross-references:write",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/cross-references`,
        body: { customerCode: unique("THEIRS"), item: "PUMP-200" },
        read: get(c, `/api/customers/${c.customerId}/cross-references`),
      }),
    },
  ],
  "PATCH /api/cross-references/:id": [
    {
      permission: "cross-references:write",
      prepare: async (c) => {
        const ref = await crossReference(c);
        return {
          path: `/api/cross-references/${ref.id}`,
          body: { version: 1, customerDescription: "Renamed" },
          read: get(c, `/api/customers/${c.customerId}/cross-references`),
        };
      },
    },
  ],
  "DELETE /api/cross-references/:id": [
    {
      permission: "cross-references:write",
      prepare: async (c) => {
        const ref = await crossReference(c);
        return {
          path: `/api/cross-references/${ref.id}`,
          read: get(c, `/api/customers/${c.customerId}/cross-references`),
        };
      },
    },
  ],
  "POST /api/customers/:id/order-imports": [
    {
      permission: "orders:import",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/order-imports`,
        body: {
          format: "csv",
          content: `reference,item,quantity,unitPrice\n${unique("PO")},PUMP-200,1,10.00`,
          dryRun: false,
        },
        read: get(c, `/api/orders?customerId=${c.customerId}`),
      }),
    },
  ],
  "PATCH /api/special-prices/:id": [
    {
      permission: "prices:manage",
      prepare: async (c) => {
        const price = await specialPrice(c);
        return {
          path: `/api/special-prices/${price.id}`,
          body: { version: 1, unitPrice: "0.01" },
          read: get(c, `/api/customers/${c.customerId}/special-prices`),
        };
      },
    },
  ],
  "DELETE /api/special-prices/:id": [
    {
      permission: "prices:manage",
      prepare: async (c) => {
        const price = await specialPrice(c);
        return {
          path: `/api/special-prices/${price.id}`,
          read: get(c, `/api/customers/${c.customerId}/special-prices`),
        };
      },
    },
  ],
  "POST /api/customers/:id/payment-agreements": [
    {
      permission: "payments:propose",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/payment-agreements`,
        body: agreementBody,
        read: get(c, `/api/customers/${c.customerId}/payment-agreements`),
      }),
    },
  ],
  "POST /api/payment-agreements/:id/decision": [
    {
      permission: "payments:approve",
      prepare: async (c) => {
        const agreement = await paymentAgreement(c);
        return {
          path: `/api/payment-agreements/${agreement.id}/decision`,
          body: { decision: "APPROVED" },
          read: get(c, `/api/customers/${c.customerId}/payment-agreements`),
        };
      },
    },
  ],
  "POST /api/payment-agreements/:id/payments": [
    {
      permission: "payments:record",
      prepare: async (c) => {
        const agreement = await paymentAgreement(c);
        await made(c.as.manager.post(`/api/payment-agreements/${agreement.id}/decision`, { decision: "APPROVED" }));
        return {
          path: `/api/payment-agreements/${agreement.id}/payments`,
          body: { amount: "10.00", currency: "EUR", paidOn: "2027-01-15" },
          read: get(c, `/api/customers/${c.customerId}/payment-agreements`),
        };
      },
    },
  ],
  "PUT /api/customers/:id/profiling/answers": [
    {
      permission: "profiling:answer",
      prepare: async (c) => ({
        path: `/api/customers/${c.customerId}/profiling/answers`,
        body: (who: Persona) => ({ answers: [{ questionId: c.questionId, value: PERSONAS.indexOf(who) + 10 }] }),
        read: get(c, `/api/customers/${c.customerId}/profiling/history`),
      }),
    },
  ],
  "POST /api/profiling/sets": [
    {
      permission: "profiling:manage",
      prepare: async (c) => ({
        path: "/api/profiling/sets",
        body: { name: unique("Purchasing"), questions: [{ text: "Budget owner?", kind: "YES_NO" }] },
        read: async () => (await c.as.admin.get("/api/profiling/sets?includeInactive=true")).body,
      }),
    },
  ],
  "PATCH /api/profiling/sets/:id": [
    {
      permission: "profiling:manage",
      prepare: async (c) => {
        const set = await profilingSet(c);
        return {
          path: `/api/profiling/sets/${set.id}`,
          body: { version: 1, active: false },
          read: async () => (await c.as.admin.get("/api/profiling/sets?includeInactive=true")).body,
        };
      },
    },
  ],
  "POST /api/types": [
    {
      permission: "types:manage",
      prepare: async (c) => ({ path: "/api/types", body: { name: unique("Type") }, read: get(c, "/api/types") }),
    },
  ],
  "PATCH /api/types/:id": [
    {
      permission: "types:manage",
      prepare: async (c) => {
        const type = await made(c.as.manager.post("/api/types", { name: unique("Type") }));
        return { path: `/api/types/${type.id}`, body: { name: unique("Renamed") }, read: get(c, "/api/types") };
      },
    },
  ],
  "POST /api/templates": [
    {
      permission: "templates:manage",
      prepare: async (c) => ({
        path: "/api/templates",
        body: { name: unique("Template"), type: "CALL", subject: "Call" },
        read: get(c, "/api/templates"),
      }),
    },
  ],
  "PATCH /api/templates/:id": [
    {
      permission: "templates:manage",
      prepare: async (c) => {
        const template = await made(
          c.as.manager.post("/api/templates", { name: unique("Template"), type: "CALL", subject: "Call" }),
        );
        return {
          path: `/api/templates/${template.id}`,
          body: { subject: "Changed" },
          read: get(c, `/api/templates/${template.id}`),
        };
      },
    },
  ],
  "PATCH /api/me": [
    {
      permission: "me:change",
      prepare: async (c) => ({ path: "/api/me", body: { timeZone: "Europe/Vienna" }, read: get(c, "/api/me") }),
    },
  ],
  "POST /api/sync/run": [
    { permission: "sync:run", prepare: async (c) => ({ path: "/api/sync/run", read: get(c, "/api/me") }) },
  ],
};

function shipTo(c: Context) {
  return made(
    by(c).post(`/api/customers/${c.customerId}/ship-to`, {
      street: "Dock 1",
      postalCode: "20457",
      city: "Hamburg",
      country: "Germany",
    }),
  );
}

const WRITE = /^(POST|PATCH|PUT|DELETE) \/api\//;
const outcome = (status: number) => (status >= 200 && status < 300 ? "allowed" : status === 403 ? "refused" : status);
/** What a failed expectation shows of a reply: its status and error, not its headers. */
const shown = (response: ApiResponse) => ({ status: response.status, error: response.body?.error ?? "(none)" });

describe.each(testBackends())("the authorisation table on %s", (backend) => {
  let c: Context;

  beforeAll(async () => {
    // Sync on (so "send to Outlook again" has an outbox), but no worker runs and no Graph is called.
    const service = await startTestService(backend, {
      GRAPH_STATIC_TOKEN: "unused",
      GRAPH_BASE_URL: "http://127.0.0.1:9/v1.0",
      SYNC_INTERVAL_MS: "0",
    });
    const emails: Record<Persona, string> = {
      owner: "olga.owner@contoso.com",
      linked: "lars.linked@contoso.com",
      colleague: "carl.colleague@contoso.com",
      manager: "mia.manager@contoso.com",
      admin: "ada.admin@contoso.com",
    };
    const as = Object.fromEntries(
      await Promise.all(PERSONAS.map(async (persona) => [persona, await service.as(emails[persona], ROLE[persona])])),
    ) as Record<Persona, ApiClient>;
    const ids = Object.fromEntries(
      await Promise.all(PERSONAS.map(async (persona) => [persona, await as[persona].id()])),
    ) as Record<Persona, string>;
    c = { service, as, ids, customerId: "", contactId: "", questionId: "" };
    const customer = await newCustomer(c, { status: 1 });
    await made(as.manager.post(`/api/customers/${customer.id}/release`, { version: 1 }));
    await made(as.manager.post(`/api/customers/${customer.id}/approve`, { version: 2 }));
    c.customerId = customer.id;
    c.contactId = (
      await made(by(c).post("/api/contacts", { customerId: customer.id, firstName: "J", lastName: "K" }))
    ).id;
    c.questionId = (await profilingSet(c)).questions[0].id;
  });
  afterAll(() => c?.service.stop());

  it("covers every write route of the app, each naming the permissions the table has for it", async () => {
    const writes = expressRoutes(c.service).filter((route) => WRITE.test(route));
    expect([...new Set(writes)].sort()).toEqual([...Object.keys(ROUTES), ...OUTSIDE_THE_TABLE].sort());

    const openApi = (await c.as.colleague.get("/api/openapi.json")).body;
    for (const [route, cases] of Object.entries(ROUTES)) {
      const [method, express] = route.split(" ") as [string, string];
      const operation = openApi.paths[express.replace(/:(\w+)/g, "{$1}")][method.toLowerCase()];
      const declared = operation["x-authorization"].map((entry: { permission: string }) => entry.permission);
      expect({ route, permissions: [...new Set(cases.map((kase) => kase.permission))].sort() }).toEqual({
        route,
        permissions: [...declared].sort(),
      });
      for (const permission of declared) expect(operation.description).toContain(`\`${permission}\``);
    }
  });

  it.each(Object.keys(ROUTES))("%s: allowed roles succeed, the others get 403 and change nothing", async (route) => {
    const method = route.split(" ")[0]!;
    const send = (persona: Persona, attempt: Attempt) =>
      attempt.raw
        ? c.as[persona].request(method, attempt.path, attempt.raw.data, { "content-type": attempt.raw.contentType })
        : c.as[persona].request(
            method,
            attempt.path,
            typeof attempt.body === "function" ? (attempt.body as (who: Persona) => unknown)(persona) : attempt.body,
          );

    for (const kase of ROUTES[route]!) {
      const expected = Object.fromEntries(
        PERSONAS.map((persona) => [
          persona,
          allows(ROLE[persona], kase.permission, factsOf(persona)) ? "allowed" : "refused",
        ]),
      );
      const actual: Record<string, unknown> = {};
      // Allowed personas at once, each on a record of its own; refused ones one by one on a shared one.
      await Promise.all(
        PERSONAS.filter((persona) => expected[persona] === "allowed").map(async (persona) => {
          const response = await send(persona, await kase.prepare(c));
          actual[persona] = outcome(response.status) === "allowed" ? "allowed" : shown(response);
        }),
      );
      const refused = PERSONAS.filter((persona) => expected[persona] === "refused");
      const attempt = refused.length > 0 ? await kase.prepare(c) : undefined;
      for (const persona of refused) {
        const before = await attempt!.read();
        const response = await send(persona, attempt!);
        const after = await attempt!.read();
        const namesWhoMay = response.body?.error?.message?.includes(whoMay(kase.permission));
        actual[persona] =
          outcome(response.status) === "refused" && namesWhoMay && JSON.stringify(after) === JSON.stringify(before)
            ? "refused"
            : { ...shown(response), changed: JSON.stringify(after) !== JSON.stringify(before) };
      }
      expect({ permission: kase.permission, ...actual }).toEqual({ permission: kase.permission, ...expected });
    }
  });

  it("closes the issue's abuse cases: no claiming a customer, no status 1 to quote it", async () => {
    const { colleague } = c.as;
    // A salesman not linked to a customer may neither link himself nor release it.
    const prospect = await newCustomer(c);
    const claim = await colleague.request("PUT", `/api/customers/${prospect.id}/salesmen`, {
      version: 1,
      salesmanIds: [c.ids.colleague],
    });
    expect(claim.status).toBe(403);
    expect(claim.body.error.message).toMatch(/not linked to this customer.*a salesman linked to the customer/);
    expect((await colleague.post(`/api/customers/${prospect.id}/release`, { version: 1 })).status).toBe(403);
    const unchanged = (await c.as.manager.get(`/api/customers/${prospect.id}`)).body;
    expect(unchanged.customer).toMatchObject({ version: 1, lifecycle: "NEW", salesmen: [{ id: c.ids.linked }] });

    // Even its linked salesman may not make an approved prospect an actual customer and quote it.
    const approved = await releasedCustomer(c);
    await made(c.as.manager.post(`/api/customers/${approved.id}/approve`, { version: 2 }));
    const promote = await c.as.linked.patch(`/api/customers/${approved.id}`, { version: 3, status: 1 });
    expect(promote.status).toBe(403);
    expect(promote.body.error.details).toEqual([{ field: "body.status", message: expect.stringMatching(/manager/) }]);
    const quoted = await c.as.linked.post("/api/quotes", { customerId: approved.id, lines });
    expect(quoted.status).toBe(409);
    expect(quoted.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(["customer.status"]);
  });
});

describe("the authorisation table in the README", () => {
  it("is the table itself, generated from the contract", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const printed = /<!-- authorization-table:start -->\n([\s\S]*?)\n<!-- authorization-table:end -->/.exec(readme);
    // To refresh it: npm run -s authz:table, and paste between the markers.
    expect(printed?.[1]).toBe(permissionsMarkdown());
  });

  it("grants every permission to admins, and names the owner wherever a grant depends on it", () => {
    for (const permission of PERMISSION_NAMES) {
      const rule: { owner?: string; grants: Record<Role, readonly string[]> } = PERMISSIONS[permission];
      expect({ permission, admin: rule.grants.ADMIN }).toEqual({ permission, admin: ["anyone"] });
      const needsOwner = Object.values(rule.grants).some((relations) => relations.includes("owner"));
      expect({ permission, owner: !!rule.owner }).toEqual({ permission, owner: needsOwner });
    }
  });
});
