import type { CommentCreate, CommentUpdate, CustomerComment } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { notFound } from "../../shared/app-error";
import type { CustomersRepository } from "../customers/customers.repository";
import type { CommentsRepository } from "./comments.repository";

export interface CommentsService {
  list(customerId: string, limit: number, offset: number): Promise<{ items: CustomerComment[]; total: number }>;
  create(customerId: string, input: CommentCreate, user: CurrentUser): Promise<CustomerComment>;
  update(id: string, input: CommentUpdate, user: CurrentUser): Promise<CustomerComment>;
  delete(id: string, user: CurrentUser): Promise<void>;
}

// Bodies are plain text, stored as typed: nothing is interpreted as HTML on either side, so there is
// nothing to sanitise (the pane renders them as text).
export function createCommentsService(comments: CommentsRepository, customers: CustomersRepository): CommentsService {
  const requireCustomer = async (customerId: string) => {
    if (!(await customers.exists(customerId))) throw notFound("customer", customerId);
  };
  /** Authors change their own comments; managers and admins anyone's (e.g. unpin an outdated one). */
  const ownComment = async (id: string, user: CurrentUser) => {
    const comment = await comments.findById(id);
    if (!comment) throw notFound("comment", id);
    requirePermission(user, "comments:change", { owner: comment.author.id === user.id });
    return comment;
  };
  return {
    async list(customerId, limit, offset) {
      await requireCustomer(customerId);
      return comments.list(customerId, limit, offset);
    },
    async create(customerId, input, user) {
      await requireCustomer(customerId);
      return comments.create(customerId, { body: input.body, pinned: input.pinned }, user.id);
    },
    async update(id, input, user) {
      await ownComment(id, user);
      const { version, ...changes } = input;
      return comments.update(id, version, changes);
    },
    async delete(id, user) {
      await ownComment(id, user);
      if (!(await comments.delete(id))) throw notFound("comment", id);
    },
  };
}
