import { type CustomerRecord, type CustomerRef, type LookupMatch, type LookupResult, lookupCandidates } from "contract";
import { FREE_MAIL_DOMAINS } from "contract/free-mail-domains";
import type { CurrentUser } from "../../auth/current-user";
import { AppError } from "../../shared/app-error";
import type { LookupRepository } from "./lookup.repository";

export interface LookupService {
  /** With `include: "record"`, the one customer's record comes along (see LookupResult.record). */
  lookup(emails: string[], caller: CurrentUser, include?: "record"): Promise<LookupResult>;
}

/** The record GET /api/customers/:id answers the caller (features/record's service; app.ts wires it). */
export interface RecordOfCustomer {
  get(customerId: string, user: CurrentUser): Promise<CustomerRecord>;
}

/**
 * Who is behind each address: the contacts having it (any of their addresses, any case), else the
 * customer owning its domain. Never by free-mail or our own domains; several candidates are all
 * returned and `customer` stays null, so the pane shows the ambiguity instead of guessing.
 */
export function createLookupService(
  lookups: LookupRepository,
  orgDomains: string[],
  records: RecordOfCustomer,
): LookupService {
  const ignoredDomains = new Set([...FREE_MAIL_DOMAINS, ...orgDomains]);
  return {
    async lookup(emails, caller, include) {
      const addresses = [...new Set(emails.map((email) => email.trim().toLowerCase()))];
      const callerDomain = domainOf(caller.email.toLowerCase());
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
      if (include !== "record") return { matches };
      // The pane opens a record at once only when there is exactly one candidate: it comes along,
      // read exactly as GET /api/customers/:id reads it for this caller, so opening an email is one round trip.
      const candidates = lookupCandidates(matches);
      if (candidates.length !== 1) return { matches };
      try {
        return { matches, record: await records.get(candidates[0]!.customer.id, caller) };
      } catch (error) {
        // Deleted between the two reads: the pane asks for it on its own and shows what that answers.
        if (error instanceof AppError && error.code === "not_found") return { matches };
        throw error;
      }
    },
  };
}

function distinct(customers: CustomerRef[]): CustomerRef[] {
  return [...new Map(customers.map((customer) => [customer.id, customer])).values()];
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}
