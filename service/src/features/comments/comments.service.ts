import type { CommentCreate, CommentPage, CommentUpdate, CustomerComment } from "contract";
import { type CustomerSubRecordService, customerSubRecordService } from "../../shared/customer-sub-record.service";
import { pageOf } from "../../shared/page";
import type { Access } from "../../shared/ports/access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { CommentsRepository } from "./comments.repository";

export type CommentsService = CustomerSubRecordService<
  CustomerComment,
  CommentCreate,
  CommentUpdate,
  { limit: number; offset: number },
  CommentPage
>;

// Bodies are plain text, stored as typed: nothing is interpreted as HTML on either side, so there is
// nothing to sanitise (the pane renders them as text).
/**
 * Comments follow the sub-record rules; their own: authors change their own, managers and admins
 * anyone's (e.g. unpin an outdated one), and the list is paged, pinned first, then newest first.
 */
export function createCommentsService(
  comments: CommentsRepository,
  ports: { customers: CustomerAccess; access: Access },
): CommentsService {
  return customerSubRecordService(
    {
      what: "comment",
      permissions: { create: "comments:create", change: "comments:change" },
      ownerOf: (comment) => comment.author.id,
      list: async (customerId, page: { limit: number; offset: number }) =>
        pageOf(await comments.list(customerId, page.limit, page.offset), page),
      find: (id) => comments.findById(id),
      create: (customerId, input: CommentCreate, user) =>
        comments.create(customerId, { body: input.body, pinned: input.pinned }, user.id),
      update: (current, { version, ...changes }: CommentUpdate) => comments.update(current.id, version, changes),
      delete: (id) => comments.delete(id),
    },
    ports,
  );
}
