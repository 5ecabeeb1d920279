import type { CallOutcome } from "contract";
import { type ActivityOutbox, NO_OUTBOX } from "../../calendar-sync/outbox/activity-outbox";
import type { PrismaClient } from "../../generated/prisma/client";
import type { ActivityWrite } from "./activities.repository";
import type { InTransaction } from "../../shared/ports/sample-recorder.port";

export interface ColdCallsRepository {
  /** The finished call, its outcome and the follow-up, all or nothing; returns the activities' ids. */
  record(
    call: ActivityWrite,
    outcome: CallOutcome,
    followUp: ActivityWrite | null,
    userId: string,
    /** Written in the same transaction with the call (the samples handed over on it). */
    also?: InTransaction,
  ): Promise<{ callId: string; followUpId: string | null }>;
}

/** outbox: the calendar sync's, written in the same transaction as the activities (as the activities repository does). */
export function createColdCallsRepository(
  prisma: PrismaClient,
  outbox: ActivityOutbox = NO_OUTBOX,
): ColdCallsRepository {
  return {
    async record(call, outcome, followUp, userId, also) {
      return prisma.$transaction(async (tx) => {
        const stamp = { createdById: userId, modifiedById: userId };
        const callRow = await tx.activity.create({ data: { ...call, ...stamp } });
        await outbox.enqueue(tx, callRow);
        if (also) await also(tx, callRow);
        const followUpRow = followUp ? await tx.activity.create({ data: { ...followUp, ...stamp } }) : null;
        if (followUpRow) await outbox.enqueue(tx, followUpRow);
        await tx.callResult.create({
          data: { activityId: callRow.id, outcome, followUpActivityId: followUpRow?.id ?? null },
        });
        return { callId: callRow.id, followUpId: followUpRow?.id ?? null };
      });
    },
  };
}
