import type { CustomerRef, LookupMatch, LookupResult } from "contract";
import { FREE_MAIL_DOMAINS } from "contract/free-mail-domains";
import type { LookupRepository } from "./lookup.repository";

export interface LookupService {
  lookup(emails: string[], callerEmail: string): Promise<LookupResult>;
}

/**
 * Who is behind each address: the contacts having it (any of their addresses, any case), else the
 * customer owning its domain. Never by free-mail or our own domains; several candidates are all
 * returned and `customer` stays null, so the pane shows the ambiguity instead of guessing.
 */
export function createLookupService(lookups: LookupRepository, orgDomains: string[]): LookupService {
  const ignoredDomains = new Set([...FREE_MAIL_DOMAINS, ...orgDomains]);
  return {
    async lookup(emails, callerEmail) {
      const addresses = [...new Set(emails.map((email) => email.trim().toLowerCase()))];
      const callerDomain = domainOf(callerEmail.toLowerCase());
      const domains = [...new Set(addresses.map(domainOf))].filter((d) => !ignoredDomains.has(d) && d !== callerDomain);
      // Both questions at once: domain answers are simply not used for addresses a contact has.
      const [contactMatches, byDomain] = await Promise.all([
        lookups.contactsByEmails(addresses),
        lookups.customersByDomains(domains),
      ]);

      const matches = addresses.map((email): LookupMatch => {
        const contacts = contactMatches.filter((match) => match.email === email).map((match) => match.contact);
        if (contacts.length > 0) {
          const customers = distinct(contacts.flatMap((contact) => (contact.customer ? [contact.customer] : [])));
          return {
            email,
            contacts,
            customer: customers.length === 1 ? customers[0]! : null,
            domainCustomers: [],
            matchedBy: "contact",
          };
        }
        const domainCustomers = ignoredDomains.has(domainOf(email)) ? [] : (byDomain.get(domainOf(email)) ?? []);
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

function distinct(customers: CustomerRef[]): CustomerRef[] {
  return [...new Map(customers.map((customer) => [customer.id, customer])).values()];
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}
