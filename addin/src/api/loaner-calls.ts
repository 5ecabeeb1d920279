import type { LoanerReturnCreate, LoanerReturned } from "contract";
import type { z } from "zod";

/** The one request function of the API client (bearer token, typed errors). */
type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Loaner orders' return (a loaner is made and changed through the order calls). */
export function loanerCalls(call: ApiCall) {
  return {
    /** Takes the loaner back and closes it; sent again, the service answers the same return. */
    returnLoaner: (orderId: string, body: z.input<typeof LoanerReturnCreate>) =>
      call<LoanerReturned>("POST", `/api/orders/${encodeURIComponent(orderId)}/return`, body),
  };
}
