import type { CommentCreate, CommentPage, CommentUpdate, CustomerComment } from "contract";
import type { z } from "zod";
import type { ApiCall } from "./sales-calls";

/** Comments on a customer; changes send the version that was loaded. */
export function commentsCalls(call: ApiCall) {
  const one = (id: string) => `/api/comments/${encodeURIComponent(id)}`;
  return {
    comments: (customerId: string) =>
      call<CommentPage>("GET", `/api/customers/${encodeURIComponent(customerId)}/comments`),
    createComment: (customerId: string, body: z.input<typeof CommentCreate>) =>
      call<CustomerComment>("POST", `/api/customers/${encodeURIComponent(customerId)}/comments`, body),
    updateComment: (id: string, body: z.input<typeof CommentUpdate>) => call<CustomerComment>("PATCH", one(id), body),
    deleteComment: (id: string) => call<void>("DELETE", one(id)),
  };
}
