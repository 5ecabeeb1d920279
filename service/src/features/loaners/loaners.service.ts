import type { LoanerReturnCreate, LoanerReturned } from "contract";
import { dayInZone } from "contract/zoned-time";
import type { CurrentUser } from "../../auth/current-user";
import { AppError, badRequest, notFound } from "../../shared/app-error";
import type { Access } from "../../shared/ports/access.port";
import type { LoanerState, LoanersRepository } from "./loaners.repository";

export interface LoanersService {
  /** Takes an open loaner back and closes it; a loaner returned already answers its return again. */
  returnLoaner(orderId: string, input: LoanerReturnCreate, user: CurrentUser): Promise<LoanerReturned>;
}

function returned(state: LoanerState): LoanerReturned {
  return {
    orderId: state.id,
    number: state.number,
    status: "CLOSED",
    version: state.version,
    loanerReturn: state.loanerReturn!,
    reminder: state.reminder,
  };
}

/** Only an open loaner comes back; anything else is a conflict that names why. */
function requireOpenLoaner(order: LoanerState) {
  const reason =
    order.type !== "LOANER"
      ? { field: "type", message: `Order SO-${order.number} is not a loaner; only a loaner is returned` }
      : order.status !== "OPEN"
        ? { field: "status", message: `Loaner SO-${order.number} is ${order.status}; only an open loaner is returned` }
        : null;
  if (reason) throw new AppError("conflict", reason.message, [reason]);
}

export function createLoanersService(deps: { loaners: LoanersRepository; access: Access }): LoanersService {
  return {
    async returnLoaner(orderId, input, user) {
      const found = await deps.loaners.find(orderId);
      if (!found) throw notFound("order", orderId);
      // Who may close the order may take it back: its creator, the customer's salesmen, managers.
      await deps.access.require(user, "orders:change", { ownerId: found.createdById, customerId: found.customerId });
      if (found.loanerReturn) return returned(found);
      requireOpenLoaner(found);
      // Days as the caller lives them: not before the loaner was made, not in the future.
      const made = dayInZone(found.createdAt, user.timeZone);
      const today = dayInZone(new Date(), user.timeZone);
      if (input.returnedOn < made)
        throw badRequest("body.returnedOn", `must not be before ${made}, the day the loaner was made`);
      if (input.returnedOn > today) throw badRequest("body.returnedOn", "must not be in the future");
      const state = await deps.loaners.recordReturn(
        orderId,
        { returnedOn: input.returnedOn, remark: input.remark ?? null, userId: user.id, userName: user.name },
        requireOpenLoaner,
      );
      return returned(state);
    },
  };
}
