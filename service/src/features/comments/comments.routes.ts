import { CommentCreate, CommentListQuery, CommentPage, CommentUpdate, CustomerComment } from "contract";
import { customerSubRecordRoutes } from "../../http/customer-sub-record.routes";
import type { CommentsService } from "./comments.service";

export function commentsRoutes(service: CommentsService) {
  return customerSubRecordRoutes(service, {
    collection: "comments",
    tag: "comments",
    schemas: {
      item: CustomerComment,
      list: CommentPage,
      create: CommentCreate,
      update: CommentUpdate,
      listQuery: CommentListQuery,
    },
    summaries: {
      list: "A customer's comments, pinned first, then newest first",
      create: "Comment on a customer (plain text, 1–2000 characters), optionally pinned",
      update: "Edit, pin or unpin a comment (its author, a manager or an admin); send the version you loaded",
      delete: "Delete a comment (its author, a manager or an admin)",
    },
  });
}
