import type { CustomerRef, LookupMatch } from "contract";
import { type Database, namedStatement } from "../../db/database";

export type LookupContact = LookupMatch["contacts"][number];

export interface LookupRepository {
  /** Contacts having any of these addresses (lower case), each with the address that matched. */
  contactsByEmails(emails: string[]): Promise<{ email: string; contact: LookupContact }[]>;
  /** Customers by email domain (lower case), grouped by domain. */
  customersByDomains(domains: string[]): Promise<Map<string, CustomerRef[]>>;
}

// Lookup runs every time a user opens an email: one named statement each, straight through the
// driver. The addresses come as a JSON array, not text[]: PostgreSQL estimates a set-returning
// function's rows the same with and without the value, so the generic plan costs what the custom
// ones do and the connection stops planning after five runs; `= ANY($1::text[])` counts the
// array's elements in a custom plan, keeps every custom plan cheaper and plans each time.
export const CONTACTS_BY_EMAILS = namedStatement(
  "lookup_contacts_by_emails",
  `
  SELECT ce."emailNormalized" AS email, c.id, c."firstName" AS first_name, c."lastName" AS last_name, c.role,
         cu.id AS customer_id, cu.name AS customer_name, cu."accountNumber" AS account_number,
         s.code AS status_code, s.label AS status_label,
         -- The latest entry per channel is current; only the withdrawn ones matter to the pane.
         ARRAY(
           SELECT latest.channel::text FROM (
             SELECT DISTINCT ON (cr.channel) cr.channel, cr.status
             FROM "ConsentRecord" cr
             WHERE cr."contactId" = c.id
             ORDER BY cr.channel, cr.sequence DESC
           ) latest
           WHERE latest.status = 'WITHDRAWN'
           ORDER BY latest.channel
         ) AS withdrawn
  FROM "ContactEmail" ce
  JOIN "Contact" c ON c.id = ce."contactId"
  LEFT JOIN "Customer" cu ON cu.id = c."customerId"
  LEFT JOIN "CustomerStatus" s ON s.code = cu."statusCode"
  WHERE ce."emailNormalized" IN (SELECT jsonb_array_elements_text($1::jsonb))
  ORDER BY c."lastName", c."firstName", c.id
  LIMIT 500`,
);

export const CUSTOMERS_BY_DOMAINS = namedStatement(
  "lookup_customers_by_domains",
  `
  SELECT d.domain, cu.id AS customer_id, cu.name AS customer_name, cu."accountNumber" AS account_number,
         s.code AS status_code, s.label AS status_label
  FROM "CustomerDomain" d
  JOIN "Customer" cu ON cu.id = d."customerId"
  JOIN "CustomerStatus" s ON s.code = cu."statusCode"
  WHERE d.domain IN (SELECT jsonb_array_elements_text($1::jsonb))
  ORDER BY cu.name, cu.id
  LIMIT 200`,
);

interface CustomerColumns {
  customer_id: string | null;
  customer_name: string | null;
  account_number: string | null;
  status_code: number | null;
  status_label: string | null;
}

const customerRef = (row: CustomerColumns): CustomerRef | null =>
  row.customer_id
    ? {
        id: row.customer_id,
        name: row.customer_name!,
        accountNumber: row.account_number!,
        status: { code: row.status_code!, label: row.status_label! },
      }
    : null;

export function createLookupRepository(db: Database): LookupRepository {
  return {
    async contactsByEmails(emails) {
      if (emails.length === 0) return [];
      const rows = await db.query<
        CustomerColumns & {
          email: string;
          id: string;
          first_name: string;
          last_name: string;
          role: string | null;
          withdrawn: LookupContact["withdrawnConsent"];
        }
      >(CONTACTS_BY_EMAILS, [JSON.stringify(emails)]);
      return rows.map((row) => ({
        email: row.email,
        contact: {
          id: row.id,
          firstName: row.first_name,
          lastName: row.last_name,
          role: row.role,
          customer: customerRef(row),
          withdrawnConsent: row.withdrawn,
        },
      }));
    },
    async customersByDomains(domains) {
      const result = new Map<string, CustomerRef[]>();
      if (domains.length === 0) return result;
      const rows = await db.query<CustomerColumns & { domain: string }>(CUSTOMERS_BY_DOMAINS, [
        JSON.stringify(domains),
      ]);
      for (const row of rows) result.set(row.domain, [...(result.get(row.domain) ?? []), customerRef(row)!]);
      return result;
    },
  };
}
