import type { LookupMatch, LookupResult } from "../../../../contract";
import type { ContactsRepository } from "../contacts/contacts.repository";
import { FREE_MAIL_DOMAINS } from "./free-mail-domains";
import type { LookupRepository } from "./lookup.repository";

export interface LookupService {
  lookup(emails: string[], callerEmail: string): Promise<LookupResult>;
}

/**
 * Who is behind each address: the contacts having it (any of their addresses, any case), else the
 * customer owning its domain. Never by free-mail or our own domains; several candidates are all
 * returned and `customer` stays null, so the pane shows the ambiguity instead of guessing.
 */
export function createLookupService(
  contacts: ContactsRepository,
  lookups: LookupRepository,
  orgDomains: string[],
  extraFreeMail: string[] = [],
): LookupService {
  const ignoredDomains = new Set([...FREE_MAIL_DOMAINS, ...orgDomains, ...extraFreeMail]);
  return {
    async lookup(emails, callerEmail) {
      const addresses = [...new Set(emails.map((email) => email.trim().toLowerCase()))];
      const contactMatches = await contacts.findByEmails(addresses);
      const callerDomain = domainOf(callerEmail.toLowerCase());
      const unmatchedDomains = addresses
        .filter((address) => !contactMatches.some((match) => match.email === address))
        .map(domainOf)
        .filter((domain) => domain && !ignoredDomains.has(domain) && domain !== callerDomain);
      const byDomain = await lookups.customersByDomains([...new Set(unmatchedDomains)]);

      const matches = addresses.map((email): LookupMatch => {
        const found = contactMatches.filter((match) => match.email === email).map((match) => match.contact);
        if (found.length > 0) {
          const customers = [
            ...new Map(found.flatMap((c) => (c.customer ? [[c.customer.id, c.customer] as const] : []))).values(),
          ];
          return {
            email,
            contacts: found.map(({ id, firstName, lastName, role, customer }) => ({
              id,
              firstName,
              lastName,
              role,
              customer,
            })),
            customer: customers.length === 1 ? customers[0]! : null,
            domainCustomers: [],
            matchedBy: "contact",
          };
        }
        const domainCustomers = byDomain.get(domainOf(email)) ?? [];
        return {
          email,
          contacts: [],
          customer: domainCustomers.length === 1 ? domainCustomers[0]! : null,
          domainCustomers,
          matchedBy: domainCustomers.length > 0 ? "domain" : "none",
        };
      });
      return { matches };
    },
  };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}
