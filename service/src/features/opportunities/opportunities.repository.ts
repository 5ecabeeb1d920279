import type { Opportunity, OpportunityStage } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { dayFromDate } from "../../shared/calendar-date";
import {
  CUSTOMER_ITEM_INCLUDE,
  type CustomerItemsRepository,
  customerItemStamp,
  customerItemsRepository,
} from "../actions/customer-items.repository";

export interface OpportunityWrite {
  title: string;
  /** Decimal string, two decimals at most. */
  value: string;
  currency: string;
  stage: OpportunityStage;
  expectedCloseDate: Date | null;
  probability: number;
  ownerId: string;
}

/** listForCustomer: open stages first (by expected close), then won and lost. */
export type OpportunitiesRepository = CustomerItemsRepository<Opportunity, OpportunityWrite>;

type Row = Prisma.OpportunityGetPayload<{ include: typeof CUSTOMER_ITEM_INCLUDE }>;

function toOpportunity(row: Row): Opportunity {
  return {
    ...customerItemStamp(row),
    title: row.title,
    value: row.value.toFixed(2),
    currency: row.currency,
    stage: row.stage,
    expectedCloseDate: row.expectedCloseDate ? dayFromDate(row.expectedCloseDate) : null,
    probability: row.probability,
  };
}

const CLOSED_STAGES: OpportunityStage[] = ["WON", "LOST"];

export function createOpportunitiesRepository(prisma: PrismaClient): OpportunitiesRepository {
  return {
    ...customerItemsRepository<Row, Opportunity, OpportunityWrite>(prisma, {
      what: "This opportunity",
      table: (client) => client.opportunity,
      toItem: toOpportunity,
    }),

    async listForCustomer(customerId, limit) {
      const order = [
        { expectedCloseDate: { sort: "asc", nulls: "last" } },
        { createdAt: "asc" },
        { id: "asc" },
      ] satisfies Prisma.OpportunityOrderByWithRelationInput[];
      const [open, closed] = await Promise.all([
        prisma.opportunity.findMany({
          where: { customerId, stage: { notIn: CLOSED_STAGES } },
          include: CUSTOMER_ITEM_INCLUDE,
          orderBy: order,
          take: limit,
        }),
        prisma.opportunity.findMany({
          where: { customerId, stage: { in: CLOSED_STAGES } },
          include: CUSTOMER_ITEM_INCLUDE,
          orderBy: [{ modifiedAt: "desc" }, { id: "asc" }],
          take: limit,
        }),
      ]);
      return [...open, ...closed].slice(0, limit).map(toOpportunity);
    },
  };
}
