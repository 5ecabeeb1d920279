import { z } from "zod";
import { CommentCreate, CommentListQuery, CommentPage, CommentUpdate, CustomerComment, IdParams } from "contract";
import { defineRoute } from "../../http/route";
import type { CommentsService } from "./comments.service";

export function commentsRoutes(service: CommentsService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/comments",
      tag: "comments",
      summary: "A customer's comments, pinned first, then newest first",
      params: IdParams,
      query: CommentListQuery,
      response: CommentPage,
      handler: async ({ params, query }) => ({
        ...(await service.list(params.id, query.limit, query.offset)),
        limit: query.limit,
        offset: query.offset,
      }),
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/comments",
      tag: "comments",
      summary: "Comment on a customer (plain text, 1–2000 characters), optionally pinned",
      authorization: "comments:create",
      params: IdParams,
      body: CommentCreate,
      response: CustomerComment,
      status: 201,
      handler: async ({ params, body, user }) => service.create(params.id, body, user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/comments/:id",
      tag: "comments",
      summary: "Edit, pin or unpin a comment (its author, a manager or an admin); send the version you loaded",
      authorization: "comments:change",
      params: IdParams,
      body: CommentUpdate,
      response: CustomerComment,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
    defineRoute({
      method: "delete",
      path: "/api/comments/:id",
      tag: "comments",
      summary: "Delete a comment (its author, a manager or an admin)",
      authorization: "comments:change",
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params, user }) => {
        await service.delete(params.id, user);
        return undefined;
      },
    }),
  ];
}
