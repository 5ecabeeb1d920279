import type {
  CustomerProfiling,
  ProfilingAnswersUpdate,
  ProfilingHistory,
  ProfilingSet,
  ProfilingSetCreate,
  ProfilingSetList,
  ProfilingSetUpdate,
} from "contract";
import type { z } from "zod";
import type { ApiCall } from "./sales-calls";

/** Profiling: a customer's answers (everyone), the question sets (admins change them). */
export function profilingCalls(call: ApiCall) {
  const customer = (id: string) => `/api/customers/${encodeURIComponent(id)}/profiling`;
  return {
    profiling: (customerId: string) => call<CustomerProfiling>("GET", customer(customerId)),
    /** Only the answers that changed; null clears one. */
    saveProfilingAnswers: (customerId: string, answers: ProfilingAnswersUpdate["answers"]) =>
      call<CustomerProfiling>("PUT", `${customer(customerId)}/answers`, { answers }),
    profilingHistory: (customerId: string, questionId: string) =>
      call<ProfilingHistory>("GET", `${customer(customerId)}/history?questionId=${encodeURIComponent(questionId)}`),
    /** Every set with its archived questions too: what an admin edits. */
    allProfilingSets: () => call<ProfilingSetList>("GET", "/api/profiling/sets?includeInactive=true"),
    createProfilingSet: (body: z.input<typeof ProfilingSetCreate>) =>
      call<ProfilingSet>("POST", "/api/profiling/sets", body),
    updateProfilingSet: (id: string, body: z.input<typeof ProfilingSetUpdate>) =>
      call<ProfilingSet>("PATCH", `/api/profiling/sets/${encodeURIComponent(id)}`, body),
  };
}
