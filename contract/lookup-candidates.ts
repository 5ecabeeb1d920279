import type { CustomerRef } from "./contacts.contract";
import type { LookupMatch } from "./lookup.contract";

export type LookupCandidateContact = LookupMatch["contacts"][number];

/** A customer one or more addresses point to, with the contact to show for it. */
export interface LookupCandidate {
  customer: CustomerRef;
  contact: LookupCandidateContact | null;
  /** The address that pointed to it first. */
  via: string;
}

/**
 * The customers behind these matches, in their order, each once: the one rule the pane (which
 * opens the record when there is exactly one) and the lookup (which then sends it along) share.
 * Contacts are strong evidence: when any address is a known contact of a customer, only those
 * customers count. Otherwise the domains decide, and an ambiguous domain yields every one of them.
 */
export function lookupCandidates(matches: LookupMatch[]): LookupCandidate[] {
  const byContact = new Map<string, LookupCandidate>();
  for (const match of matches)
    for (const contact of match.contacts)
      if (contact.customer && !byContact.has(contact.customer.id))
        byContact.set(contact.customer.id, { customer: contact.customer, contact, via: match.email });
  if (byContact.size > 0) return [...byContact.values()];
  const byDomain = new Map<string, LookupCandidate>();
  for (const match of matches)
    for (const customer of match.domainCustomers)
      if (!byDomain.has(customer.id)) byDomain.set(customer.id, { customer, contact: null, via: match.email });
  return [...byDomain.values()];
}
