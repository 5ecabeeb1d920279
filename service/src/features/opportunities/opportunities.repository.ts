import type { Opportunity, OpportunityStage } from "../../../../contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { dayFromDate } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../users/users.repository";
import { ACTION_INCLUDE, ACTION_ORDER, toAction } from "../actions/actions.repository";

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

export interface OpportunitiesRepository {
  create(customerId: string, data: OpportunityWrite, userId: string): Promise<Opportunity>;
  update(id: string, version: number, data: Partial<OpportunityWrite>): Promise<Opportunity>;
  findById(id: string): Promise<Opportunity | null>;
  /** The opportunity's customer, or null when there is no such opportunity. */
  customerOf(id: string): Promise<string | null>;
  /** Open stages first (by expected close), then won and lost. */
  listForCustomer(customerId: string, limit: number): Promise<Opportunity[]>;
}

const INCLUDE = {
  owner: { select: USER_REF_SELECT },
  createdBy: { select: USER_REF_SELECT },
  actions: { include: ACTION_INCLUDE, orderBy: ACTION_ORDER },
} satisfies Prisma.OpportunityInclude;
type Row = Prisma.OpportunityGetPayload<{ include: typeof INCLUDE }>;

function toOpportunity(row: Row): Opportunity {
  return {
    id: row.id,
    customerId: row.customerId,
    title: row.title,
    value: row.value.toFixed(2),
    currency: row.currency,
    stage: row.stage,
    expectedCloseDate: row.expectedCloseDate ? dayFromDate(row.expectedCloseDate) : null,
    probability: row.probability,
    owner: row.owner,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
    actions: row.actions.map(toAction),
  };
}

const CLOSED_STAGES: OpportunityStage[] = ["WON", "LOST"];

export function createOpportunitiesRepository(prisma: PrismaClient): OpportunitiesRepository {
  const findById = async (id: string) => {
    const row = await prisma.opportunity.findUnique({ where: { id }, include: INCLUDE });
    return row ? toOpportunity(row) : null;
  };
  return {
    findById,

    async create(customerId, data, userId) {
      const row = await prisma.opportunity.create({
        data: { ...data, customerId, createdById: userId },
        include: INCLUDE,
      });
      return toOpportunity(row);
    },

    async update(id, version, data) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.opportunity.updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This opportunity");
        return toOpportunity(await tx.opportunity.findUniqueOrThrow({ where: { id }, include: INCLUDE }));
      });
    },

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
          include: INCLUDE,
          orderBy: order,
          take: limit,
        }),
        prisma.opportunity.findMany({
          where: { customerId, stage: { in: CLOSED_STAGES } },
          include: INCLUDE,
          orderBy: [{ modifiedAt: "desc" }, { id: "asc" }],
          take: limit,
        }),
      ]);
      return [...open, ...closed].slice(0, limit).map(toOpportunity);
    },
  };
}
