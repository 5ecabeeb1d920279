import type { CustomerRef } from "../../../../contract";
import type { PrismaClient } from "../../generated/prisma/client";
import { CUSTOMER_REF_SELECT, toCustomerRef } from "../contacts/contacts.repository";

export interface LookupRepository {
  /** Customers by email domain (lower case), grouped by domain. */
  customersByDomains(domains: string[]): Promise<Map<string, CustomerRef[]>>;
}

export function createLookupRepository(prisma: PrismaClient): LookupRepository {
  return {
    async customersByDomains(domains) {
      const result = new Map<string, CustomerRef[]>();
      if (domains.length === 0) return result;
      const rows = await prisma.customerDomain.findMany({
        where: { domain: { in: domains } },
        include: { customer: { select: CUSTOMER_REF_SELECT } },
        orderBy: { customer: { name: "asc" } },
        take: 200,
      });
      for (const row of rows) result.set(row.domain, [...(result.get(row.domain) ?? []), toCustomerRef(row.customer)]);
      return result;
    },
  };
}
