import { z } from "zod";
import { Email, Id, IsoDateTime, Paging, SafeString, Text, UserRef, pageOf } from "./common.contract";
import { CustomerRef } from "./contacts.contract";

export const Participant = z.object({ email: Email, name: SafeString().trim().max(200).nullable().optional() });
export type Participant = z.infer<typeof Participant>;

export const EmailLogCreate = z.object({
  internetMessageId: Text(998),
  conversationId: SafeString().trim().max(998).nullable().optional(),
  subject: SafeString().max(998).default(""),
  from: Participant,
  to: z.array(Participant).max(500).default([]),
  cc: z.array(Participant).max(500).default([]),
  sentAt: IsoDateTime,
  receivedAt: IsoDateTime.nullable().optional(),
  /** Raw HTML from the message; sanitised by the service. */
  bodyHtml: SafeString().max(2_000_000).default(""),
  bodyText: SafeString().max(2_000_000).optional(),
  customerId: Id,
  contactId: Id.nullable().optional(),
  /**
   * The address of the mailbox the message was read in: a shared mailbox's or the owner's of a
   * delegate's folder (Outlook's shared properties, Mailbox 1.8/1.13); the caller's own when absent.
   */
  mailbox: Email.optional(),
});
export type EmailLogCreate = z.infer<typeof EmailLogCreate>;

export const EmailLogEntry = z.object({
  id: Id,
  internetMessageId: z.string(),
  conversationId: z.string().nullable(),
  subject: z.string(),
  from: z.object({ email: z.string(), name: z.string().nullable() }),
  to: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
  cc: z.array(z.object({ email: z.string(), name: z.string().nullable() })),
  sentAt: IsoDateTime,
  receivedAt: IsoDateTime.nullable(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  customerId: Id,
  contactId: Id.nullable(),
  loggedBy: UserRef,
  loggedAt: IsoDateTime,
  /** Why the service logged it on its own (e.g. "Logged when sent"); null when someone logged it by hand. */
  loggedBecause: z.string().nullable(),
  /** Which mailbox it came from (lower case): the logging user's own, or a shared mailbox or delegate's folder. */
  mailbox: z.string(),
});
export type EmailLogEntry = z.infer<typeof EmailLogEntry>;

export const EmailLogCreated = z.object({ id: Id, created: z.boolean(), entry: EmailLogEntry });
export type EmailLogCreated = z.infer<typeof EmailLogCreated>;

export const EmailLogPage = pageOf(EmailLogEntry);

/** Which customers already have this message logged: lets the pane show "logged" on any device. */
export const EmailLogStatusQuery = z.object({ internetMessageId: Text(998) });
export const EmailLogStatus = z.object({
  internetMessageId: z.string(),
  entries: z.array(z.object({ id: Id, customerId: Id, loggedBy: UserRef, loggedAt: IsoDateTime })),
});
export const EmailLogListQuery = Paging;

/**
 * Several messages logged at once: at most what Outlook lets a user select for an add-in
 * ("up to 100 messages", https://learn.microsoft.com/office/dev/add-ins/outlook/item-multi-select).
 */
export const BULK_LOG_MAX = 100;
/**
 * A message's Graph (REST) id, as mailbox.convertToRestId(itemId, RestVersion.v2_0) gives it: base64url,
 * so "-" and "_" where Outlook's own item id has "+" and "/". Real ones are about 150 characters.
 */
export const RestMessageId = z
  .string()
  .trim()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, "is not a REST item id (convert Outlook's item id with convertToRestId)");
export const EmailLogBulkCreate = z.object({
  messageIds: z.array(RestMessageId).min(1).max(BULK_LOG_MAX, `at most ${BULK_LOG_MAX} messages at once`),
});
export type EmailLogBulkCreate = z.infer<typeof EmailLogBulkCreate>;

/**
 * What became of one selected message: logged now; logged before (for this customer, by anyone);
 * no single customer matches its sender and recipients (none, or several: the pane picks then);
 * failed (not in the caller's mailbox, Outlook unreachable, refused): retrying may help.
 */
export const BULK_LOG_OUTCOMES = ["logged", "already", "no-customer", "failed"] as const;
export const EmailLogBulkResult = z.object({
  messageId: z.string(),
  outcome: z.enum(BULK_LOG_OUTCOMES),
  subject: z.string().nullable(),
  customer: CustomerRef.nullable(),
  entryId: Id.nullable(),
  /** Why it was not logged, in words the pane shows. */
  reason: z.string().nullable(),
});
export type EmailLogBulkResult = z.infer<typeof EmailLogBulkResult>;
export const EmailLogBulkLogged = z.object({ results: z.array(EmailLogBulkResult) });
export type EmailLogBulkLogged = z.infer<typeof EmailLogBulkLogged>;
