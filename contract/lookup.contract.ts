import { z } from "zod";
import { Email, Id, OneOrMany } from "./common.contract";
import { ConsentChannel } from "./consent.contract";
import { CustomerRef } from "./contacts.contract";
import { CustomerRecord } from "./record.contract";

export const LookupQuery = z.object({
  email: OneOrMany(Email).pipe(z.array(Email).min(1).max(50)),
  /** `record`: when the addresses point to exactly one customer, its whole record comes along. */
  include: z.literal("record").optional(),
});
export type LookupQuery = z.infer<typeof LookupQuery>;

export const LookupContact = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  role: z.string().nullable(),
  customer: CustomerRef.nullable(),
  /** Channels whose current consent is withdrawn: the pane warns before using them. */
  withdrawnConsent: z.array(ConsentChannel),
});

export const LookupMatch = z.object({
  email: z.string(),
  /** Contacts having this address, each with its customer (null when unassigned). */
  contacts: z.array(LookupContact),
  /** The one customer this address points to; null when none or when it is ambiguous. */
  customer: CustomerRef.nullable(),
  /** Customers found by the address's domain when no contact matched; more than one means ambiguous. */
  domainCustomers: z.array(CustomerRef),
  matchedBy: z.enum(["contact", "domain", "none"]),
});
export type LookupMatch = z.infer<typeof LookupMatch>;
export const LookupResult = z.object({
  matches: z.array(LookupMatch),
  /**
   * With `include=record`, when the addresses point to exactly one customer (lookupCandidates):
   * what `GET /api/customers/:id` answers the caller for it, so the pane draws it without asking again.
   */
  record: CustomerRecord.optional(),
});
export type LookupResult = z.infer<typeof LookupResult>;
