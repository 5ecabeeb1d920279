import type { LifecycleState, LifecycleChange, LifecycleTransition } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { USER_REF_SELECT } from "../../db/user-ref";

export interface TransitionWrite {
  customerId: string;
  version: number;
  from: LifecycleState;
  to: LifecycleState;
  transition: LifecycleTransition;
  reason: string | null;
  userId: string;
}

export interface LifecycleRepository {
  /** Newest first. */
  history(customerId: string): Promise<LifecycleChange[]>;
  /**
   * Moves the customer and records the change in one transaction, only if it is still at the given
   * version and state; false when someone changed it in between.
   */
  transition(write: TransitionWrite): Promise<boolean>;
}

export type LifecycleChangeRow = Prisma.CustomerLifecycleChangeGetPayload<{
  include: { changedBy: { select: typeof USER_REF_SELECT } };
}>;

export const toLifecycleChange = (row: LifecycleChangeRow): LifecycleChange => ({
  id: row.id,
  transition: row.transition,
  from: row.fromState,
  to: row.toState,
  reason: row.reason,
  changedBy: row.changedBy,
  changedAt: row.changedAt.toISOString(),
});

export function createLifecycleRepository(prisma: PrismaClient): LifecycleRepository {
  return {
    async history(customerId) {
      const rows = await prisma.customerLifecycleChange.findMany({
        where: { customerId },
        include: { changedBy: { select: USER_REF_SELECT } },
        orderBy: [{ changedAt: "desc" }, { id: "asc" }],
      });
      return rows.map(toLifecycleChange);
    },

    async transition(write) {
      return prisma.$transaction(async (tx) => {
        const now = new Date();
        // Version and state in the WHERE clause: the check and the write are one atomic step.
        const { count } = await tx.customer.updateMany({
          where: { id: write.customerId, version: write.version, lifecycle: write.from },
          data: { lifecycle: write.to, modifiedById: write.userId, modifiedAt: now, version: { increment: 1 } },
        });
        if (count === 0) return false;
        await tx.customerLifecycleChange.create({
          data: {
            customerId: write.customerId,
            transition: write.transition,
            fromState: write.from,
            toState: write.to,
            reason: write.reason,
            changedById: write.userId,
            changedAt: now,
          },
        });
        return true;
      });
    },
  };
}
