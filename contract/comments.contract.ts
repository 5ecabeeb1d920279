import { z } from "zod";
import { Id, IsoDateTime, Paging, Text, UserRef, VersionField, pageOf } from "./common.contract";

// ---- Comments on a customer: short plain text (never HTML; the pane renders it as text), pinnable.

export const COMMENT_MAX = 2000;

export const CommentCreate = z.object({
  body: Text(COMMENT_MAX),
  pinned: z.boolean().default(false),
});
export type CommentCreate = z.infer<typeof CommentCreate>;

/** Only the fields given change; send the version you loaded. */
export const CommentUpdate = z
  .object({ body: Text(COMMENT_MAX).optional(), pinned: z.boolean().optional() })
  .extend(VersionField.shape);
export type CommentUpdate = z.infer<typeof CommentUpdate>;

export const CustomerComment = z.object({
  id: Id,
  customerId: Id,
  body: z.string(),
  pinned: z.boolean(),
  author: UserRef,
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type CustomerComment = z.infer<typeof CustomerComment>;

export const CommentListQuery = Paging;
/** Pinned first, then newest first. */
export const CommentPage = pageOf(CustomerComment);
export type CommentPage = z.infer<typeof CommentPage>;
