import type { Opportunity, OpportunityStage } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { dayFromDate } from "../../shared/calendar-date";
import { versionedRecords } from "../../db/versioned-records";
import { WITH_ACTIONS_INCLUDE, withActionsStamp } from "../actions/action-rows";

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

/** Opportunitys on a customer, each with an owner, a version and its actions. */
export interface OpportunitiesRepository {
  create(customerId: string, data: OpportunityWrite, userId: string): Promise<Opportunity>;
  /** Throws a conflict when `version` is not the current one. */
  update(id: string, version: number, data: Partial<OpportunityWrite>): Promise<Opportunity>;
  findById(id: string): Promise<Opportunity | null>;
  /** The opportunity's customer, or null when there is no such opportunity. */
  customerOf(id: string): Promise<string | null>;
  /** Open stages first (by expected close), then won and lost. */
  listForCustomer(customerId: string, limit: number): Promise<Opportunity[]>;
}

export type OpportunityRow = Prisma.OpportunityGetPayload<{ include: typeof WITH_ACTIONS_INCLUDE }>;

export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    ...withActionsStamp(row),
    title: row.title,
    value: row.value.toFixed(2),
    currency: row.currency,
    stage: row.stage,
    expectedCloseDate: row.expectedCloseDate ? dayFromDate(row.expectedCloseDate) : null,
    probability: row.probability,
  };
}

export const CLOSED_STAGES: OpportunityStage[] = ["WON", "LOST"];

/** The record's order: open ones (by expected close), then won and lost (latest first), `limit` in all. */
export const openThenClosed = <T>(open: T[], closed: T[], limit: number): T[] => [...open, ...closed].slice(0, limit);

export function createOpportunitiesRepository(prisma: PrismaClient): OpportunitiesRepository {
  const records = versionedRecords<
    OpportunityRow,
    Opportunity,
    OpportunityWrite & { customerId: string; createdById: string },
    Partial<OpportunityWrite>,
    typeof WITH_ACTIONS_INCLUDE
  >(prisma, {
    what: "This opportunity",
    table: (client) => client.opportunity,
    include: WITH_ACTIONS_INCLUDE,
    toItem: toOpportunity,
  });
  return {
    create: (customerId, data, userId) => records.create({ ...data, customerId, createdById: userId }),
    update: (id, version, data) => records.update(id, version, data),
    findById: (id) => records.findById(id),
    async customerOf(id) {
      return (await prisma.opportunity.findUnique({ where: { id }, select: { customerId: true } }))?.customerId ?? null;
    },

    async listForCustomer(customerId, limit) {
      const order = [
        { expectedCloseDate: { sort: "asc", nulls: "last" } },
        { createdAt: "asc" },
        { id: "asc" },
      ] satisfies Prisma.OpportunityOrderByWithRelationInput[];
      const [open, closed] = await Promise.all([
        prisma.opportunity.findMany({
          where: { customerId, stage: { notIn: CLOSED_STAGES } },
          include: WITH_ACTIONS_INCLUDE,
          orderBy: order,
          take: limit,
        }),
        prisma.opportunity.findMany({
          where: { customerId, stage: { in: CLOSED_STAGES } },
          include: WITH_ACTIONS_INCLUDE,
          orderBy: [{ modifiedAt: "desc" }, { id: "asc" }],
          take: limit,
        }),
      ]);
      return openThenClosed(open, closed, limit).map(toOpportunity);
    },
  };
}
