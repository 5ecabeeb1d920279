import type { PrismaClient } from "../../generated/prisma/client";
import type { Logger } from "../../shared/logger";
import type { PlannedTasks } from "../../shared/ports/planned-tasks.port";
import type { Ports } from "../../shared/ports/ports";
import { createLoanerRemindersWorker } from "./loaner-reminders.worker";
import { createLoanersRepository } from "./loaners.repository";
import { loanersRoutes } from "./loaners.routes";
import { createLoanersService } from "./loaners.service";

/**
 * Loaner orders' return and overdue reminders (the order itself, its type and due-back day, is the
 * sales documents'): the reminder is a TASK planned through the activities' port, so it reaches
 * Outlook through the calendar outbox like any planned activity.
 */
export function loanersModule(
  prisma: PrismaClient,
  ports: Pick<Ports, "access">,
  deps: { tasks: PlannedTasks; pollMs: number; logger: Logger; now?: () => Date },
) {
  const loaners = createLoanersRepository(prisma, deps.tasks);
  return {
    routes: loanersRoutes(createLoanersService({ loaners, access: ports.access })),
    worker: createLoanerRemindersWorker({ loaners, pollMs: deps.pollMs, logger: deps.logger, now: deps.now }),
  };
}
