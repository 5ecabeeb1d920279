import { dayInZone, instantOfWallClock, nextDay } from "contract/zoned-time";
import { createPollLoop } from "../../shared/poll-loop";
import type { Logger } from "../../shared/logger";
import type { PlannedTask } from "../../shared/ports/planned-tasks.port";
import type { LoanersRepository, OverdueLoaner } from "./loaners.repository";

export interface LoanerReminderReport {
  /** Overdue loaners that got their reminder task in this round. */
  planned: number;
  /** Reminder tasks cancelled because their loaner was cancelled. */
  cancelled: number;
}

export interface LoanerRemindersWorker {
  /** One round: every overdue open loaner without a reminder gets one; stale ones are cancelled. */
  runOnce(): Promise<LoanerReminderReport>;
  start(): void;
  stop(): Promise<void>;
}

const BATCH = 100;
/** The task sits at 09:00 on the day after the due day, in the salesman's zone; 15 minutes, reminded 15 before. */
const TASK_HOUR = 9;
const TASK_MINUTES = 15;
const QUARTER_MS = 15 * 60_000;

/** When the reminder task is planned: the morning after the due day, or the next quarter hour if that has passed. */
export function reminderStart(dueBackOn: string, timeZone: string, now: Date): Date {
  const [year, month, day] = nextDay(dueBackOn).split("-").map(Number) as [number, number, number];
  const morning = instantOfWallClock(Date.UTC(year, month - 1, day, TASK_HOUR), timeZone);
  return morning > now ? morning : new Date(Math.ceil(now.getTime() / QUARTER_MS) * QUARTER_MS);
}

function taskFor(loaner: OverdueLoaner, now: Date): PlannedTask {
  const startsAt = reminderStart(loaner.dueBackOn, loaner.ownerTimeZone, now);
  const what = loaner.title ? `"${loaner.title}"` : "The loaned equipment";
  return {
    ownerId: loaner.ownerId,
    customerId: loaner.customerId,
    subject: `Loaner SO-${loaner.number} overdue`,
    notes: `${what} lent to ${loaner.customerName} was due back on ${loaner.dueBackOn}. Record its return in the CRM to close this task.`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + TASK_MINUTES * 60_000),
    timeZone: loaner.ownerTimeZone,
    reminderMinutesBefore: TASK_MINUTES,
  };
}

/**
 * The overdue-reminder job. Every replica may run it: the reminder row (one per order, planned in the
 * transaction that holds the order's lock) makes a second round or a second replica plan nothing.
 * "Overdue" is the salesman's day: a loaner due today is not overdue until their midnight.
 */
export function createLoanerRemindersWorker(deps: {
  loaners: LoanersRepository;
  pollMs: number;
  logger: Logger;
  now?: () => Date;
}): LoanerRemindersWorker {
  const now = deps.now ?? (() => new Date());

  async function runOnce(): Promise<LoanerReminderReport> {
    const at = now();
    // Candidates up to the day after UTC's today (zones ahead of UTC are already there); each one's own zone decides.
    const candidates = await deps.loaners.overdueWithoutReminder(nextDay(dayInZone(at, "UTC")), BATCH);
    let planned = 0;
    for (const loaner of candidates) {
      if (loaner.dueBackOn >= dayInZone(at, loaner.ownerTimeZone)) continue;
      if (await deps.loaners.planReminder(loaner.id, taskFor(loaner, at))) planned++;
    }
    const cancelled = await deps.loaners.cancelStaleReminders(BATCH);
    if (planned + cancelled > 0) deps.logger.info({ planned, cancelled }, "loaner reminders");
    return { planned, cancelled };
  }

  const loop = createPollLoop(
    () => runOnce().catch((error) => deps.logger.error({ err: error }, "loaner reminders: the round failed")),
    { everyMs: deps.pollMs },
  );
  return { runOnce, start: () => loop.start(), stop: () => loop.stop() };
}
