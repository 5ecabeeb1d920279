import type { LookupResult } from "contract";

/** Where a sent message would be logged: one customer, and a contact of it when a recipient is one. */
export interface LogTarget {
  customerId: string;
  contactId: string | null;
}

/**
 * The recipients' match, as "Log when sent" defaults from it: the one customer the recipients point
 * to (by a contact, else by domain). Two customers, or none, is no default: the user picks in the pane.
 */
export function logTargetOf(result: LookupResult): LogTarget | null {
  const customers = new Set<string>();
  let contactId: string | null = null;
  for (const match of result.matches) {
    if (match.customer) customers.add(match.customer.id);
    for (const contact of match.contacts) if (contact.customer) customers.add(contact.customer.id);
  }
  if (customers.size !== 1) return null;
  const [customerId] = [...customers] as [string];
  for (const match of result.matches)
    for (const contact of match.contacts) if (contact.customer?.id === customerId) contactId ??= contact.id;
  return { customerId, contactId };
}
