import type { ActivityOutbox } from "../../calendar-sync/outbox/activity-outbox";
import type { PlannedTasks } from "../../shared/ports/planned-tasks.port";

/** Tasks other features plan (shared/ports/planned-tasks.port.ts), written as any activity: outbox in the same transaction. */
export function createPlannedTasks(outbox: ActivityOutbox): PlannedTasks {
  return {
    async plan(tx, task) {
      const row = await tx.activity.create({
        data: {
          ...task,
          type: "TASK",
          status: "PLANNED",
          createdById: task.ownerId,
          modifiedById: task.ownerId,
        },
      });
      await outbox.enqueue(tx, row);
      return row.id;
    },

    async close(tx, activityId, { status, outcome, byUserId }) {
      // Only a task still planned: one its owner finished or cancelled by hand keeps what they did.
      const { count } = await tx.activity.updateMany({
        where: { id: activityId, status: "PLANNED" },
        data: {
          status,
          outcome: status === "FINISHED" ? outcome : null,
          finishedAt: status === "FINISHED" ? new Date() : null,
          modifiedById: byUserId,
          modifiedAt: new Date(),
          version: { increment: 1 },
        },
      });
      if (count === 0) return false;
      await outbox.enqueue(tx, await tx.activity.findUniqueOrThrow({ where: { id: activityId } }));
      return true;
    },
  };
}
