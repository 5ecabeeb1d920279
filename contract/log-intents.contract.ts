import { z } from "zod";
import { Id, IsoDateTime, SafeString } from "./common.contract";

/**
 * Log on send. Outlook's OnMessageSend handler stamps the outgoing message with this internet header
 * (office.js `item.internetHeaders.setAsync`, Mailbox 1.8) and posts an intent carrying the same
 * value; the service finds the sent copy in the user's Sent Items by it and logs it once.
 * Lower case on purpose: Exchange keeps the header as a named property of PS_INTERNET_HEADERS
 * ([MS-OXCMAIL] 2.1.3.2.4) and Graph matches the Name in an extended property's id case-sensitively
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get), so the name we set
 * and the name we filter on must be spelled alike.
 */
export const LOG_MARKER_HEADER = "x-crm-log";

/** The header's value: random, one per message (the handler makes a UUID). */
export const LogMarker = z
  .string()
  .regex(/^[A-Za-z0-9-]{16,64}$/, { message: "must be 16 to 64 letters, digits or dashes" });

export const LogIntentCreate = z.object({
  marker: LogMarker,
  conversationId: SafeString().trim().max(998).nullable().optional(),
  subject: SafeString().max(998).default(""),
  customerId: Id,
  contactId: Id.nullable().optional(),
});
export type LogIntentCreate = z.infer<typeof LogIntentCreate>;

export const LogIntentState = z.enum(["PENDING", "LOGGED", "EXPIRED", "REJECTED"]);
export type LogIntentState = z.infer<typeof LogIntentState>;

export const LogIntent = z.object({
  id: Id,
  marker: z.string(),
  conversationId: z.string().nullable(),
  subject: z.string(),
  customerId: Id,
  contactId: Id.nullable(),
  state: LogIntentState,
  /** Why it still waits, or why it ended without being logged; null once logged. */
  reason: z.string().nullable(),
  attempts: z.number().int(),
  internetMessageId: z.string().nullable(),
  emailLogEntryId: Id.nullable(),
  createdAt: IsoDateTime,
  /** Not found in Sent Items by then, it ends EXPIRED. */
  expiresAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type LogIntent = z.infer<typeof LogIntent>;

export const LogIntentCreated = z.object({ created: z.boolean(), intent: LogIntent });
export type LogIntentCreated = z.infer<typeof LogIntentCreated>;

export const LogIntentListQuery = z.object({
  state: LogIntentState.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const LogIntentList = z.object({ items: z.array(LogIntent) });
