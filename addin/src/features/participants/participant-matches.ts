import type { CustomerRef, LookupMatch } from "../../../../contract";
import type { MailAddress } from "../../office/mail-item.types";

export type LookupContact = LookupMatch["contacts"][number];

/** A customer one or more participants point to, with the contact to show for it. */
export interface CustomerCandidate {
  customer: CustomerRef;
  contact: LookupContact | null;
  via: string;
}

/**
 * The customers behind the participants, sender first, each once. A contact match wins over a
 * domain match; an ambiguous domain (several customers) yields every one of them.
 */
export function customerCandidates(participants: MailAddress[], matches: LookupMatch[]): CustomerCandidate[] {
  const byEmail = new Map(matches.map((match) => [match.email.toLowerCase(), match]));
  const result = new Map<string, CustomerCandidate>();
  for (const participant of participants) {
    const match = byEmail.get(participant.email.toLowerCase());
    if (!match) continue;
    for (const contact of match.contacts) {
      if (!contact.customer) continue;
      const existing = result.get(contact.customer.id);
      if (!existing || !existing.contact)
        result.set(contact.customer.id, { customer: contact.customer, contact, via: match.email });
    }
    for (const customer of match.domainCustomers) {
      if (!result.has(customer.id)) result.set(customer.id, { customer, contact: null, via: match.email });
    }
  }
  return [...result.values()];
}

export function displayName(contact: { firstName: string; lastName: string }): string {
  return `${contact.firstName} ${contact.lastName}`.trim();
}
