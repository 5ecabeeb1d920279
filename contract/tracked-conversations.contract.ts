import { z } from "zod";
import { Id, IsoDateTime, SafeString } from "./common.contract";

/**
 * Tracked conversations: "Track this conversation" in the pane asks the service to log every later
 * message of an Outlook conversation (its conversationId), incoming and sent, into a customer's
 * e-mail log, without the pane open. Never-log rules and withdrawn e-mail consent keep messages out.
 */
export const TrackConversation = z.object({
  conversationId: SafeString().trim().min(1).max(998),
  customerId: Id,
  contactId: Id.nullable().optional(),
  subject: SafeString().max(998).default(""),
});
export type TrackConversation = z.infer<typeof TrackConversation>;

export const TrackedConversation = z.object({
  id: Id,
  conversationId: z.string(),
  customerId: Id,
  customerName: z.string(),
  contactId: Id.nullable(),
  subject: z.string(),
  /** Messages from this moment on are logged; earlier ones only by hand. */
  trackedSince: IsoDateTime,
});
export type TrackedConversation = z.infer<typeof TrackedConversation>;

export const TrackedConversationCreated = z.object({ created: z.boolean(), tracked: TrackedConversation });
export const TrackedConversationList = z.object({ items: z.array(TrackedConversation) });

/** An address (jonas@fabrikam.com) or a domain (fabrikam.com, covering its subdomains). */
export const NeverLogValue = SafeString()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^([^\s@]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: "must be an e-mail address or a domain" });

export const NeverLogScope = z.enum(["USER", "ORGANIZATION"]);
export type NeverLogScope = z.infer<typeof NeverLogScope>;

export const NeverLogRuleCreate = z.object({
  value: NeverLogValue,
  /** USER: only for the caller; ORGANIZATION (admins only): for everyone. */
  scope: NeverLogScope.default("USER"),
});
export type NeverLogRuleCreate = z.infer<typeof NeverLogRuleCreate>;

export const NeverLogRule = z.object({
  id: Id,
  scope: NeverLogScope,
  value: z.string(),
  createdAt: IsoDateTime,
});
export type NeverLogRule = z.infer<typeof NeverLogRule>;
export const NeverLogRuleList = z.object({ items: z.array(NeverLogRule) });
