import type { Prisma } from "../../generated/prisma/client";

/** A TASK another feature plans for a user on their behalf (a loaner's overdue reminder). */
export interface PlannedTask {
  ownerId: string;
  customerId: string;
  subject: string;
  notes: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  reminderMinutesBefore: number;
}

/**
 * The activities feature's way in for features that plan and close tasks without a person at the
 * keyboard: inside the caller's transaction (so the task and the caller's own rows commit together),
 * and through the calendar outbox, so the task reaches Outlook and its reminder as any planned one.
 * features/activities implements it; app.ts hands it on.
 */
export interface PlannedTasks {
  /** Plans the task (PLANNED, created and modified by its owner); returns its id. */
  plan(tx: Prisma.TransactionClient, task: PlannedTask): Promise<string>;
  /** Finishes or cancels the task if it is still PLANNED (someone may have done it already); Outlook follows. */
  close(
    tx: Prisma.TransactionClient,
    activityId: string,
    close: { status: "FINISHED" | "CANCELLED"; outcome: string | null; byUserId: string },
  ): Promise<boolean>;
}
