import type { CustomerRef, LookupMatch } from "contract";
import type { MailAddress } from "../../office/mail-item.types";

export type LookupContact = LookupMatch["contacts"][number];

/** A customer one or more participants point to, with the contact to show for it. */
export interface CustomerCandidate {
  customer: CustomerRef;
  contact: LookupContact | null;
  via: string;
}

/**
 * The customers behind the participants, sender first, each once. Contacts are strong evidence:
 * when any participant is a known contact of a customer, only those customers count. Otherwise
 * the domains decide, and an ambiguous domain (several customers) yields every one of them.
 */
export function customerCandidates(participants: MailAddress[], matches: LookupMatch[]): CustomerCandidate[] {
  const byEmail = new Map(matches.map((match) => [match.email.toLowerCase(), match]));
  const ordered = participants.flatMap((participant) => byEmail.get(participant.email.toLowerCase()) ?? []);
  const byContact = new Map<string, CustomerCandidate>();
  for (const match of ordered)
    for (const contact of match.contacts)
      if (contact.customer && !byContact.has(contact.customer.id))
        byContact.set(contact.customer.id, { customer: contact.customer, contact, via: match.email });
  if (byContact.size > 0) return [...byContact.values()];
  const byDomain = new Map<string, CustomerCandidate>();
  for (const match of ordered)
    for (const customer of match.domainCustomers)
      if (!byDomain.has(customer.id)) byDomain.set(customer.id, { customer, contact: null, via: match.email });
  return [...byDomain.values()];
}
