import type { CustomerComment } from "contract";
import { USER_REF_SELECT } from "../../db/user-ref";
import { versionedRecords } from "../../db/versioned-records";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";

export interface CommentsRepository {
  create(customerId: string, data: { body: string; pinned: boolean }, authorId: string): Promise<CustomerComment>;
  update(id: string, version: number, data: { body?: string; pinned?: boolean }): Promise<CustomerComment>;
  findById(id: string): Promise<CustomerComment | null>;
  /** Pinned first, then newest first. */
  list(customerId: string, limit: number, offset: number): Promise<{ items: CustomerComment[]; total: number }>;
  /** The first of that order, without counting all (the record shows a section, not a page). */
  latestForCustomer(customerId: string, limit: number): Promise<CustomerComment[]>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

const INCLUDE = { author: { select: USER_REF_SELECT } } satisfies Prisma.CustomerCommentInclude;
export type CommentRow = Prisma.CustomerCommentGetPayload<{ include: typeof INCLUDE }>;
const ORDER = [
  { pinned: "desc" },
  { createdAt: "desc" },
  { id: "asc" },
] satisfies Prisma.CustomerCommentOrderByWithRelationInput[];

export const toComment = (row: CommentRow): CustomerComment => ({
  id: row.id,
  customerId: row.customerId,
  body: row.body,
  pinned: row.pinned,
  author: row.author,
  createdAt: row.createdAt.toISOString(),
  modifiedAt: row.modifiedAt.toISOString(),
  version: row.version,
});

type CommentWrite = { body: string; pinned: boolean };

export function createCommentsRepository(prisma: PrismaClient): CommentsRepository {
  const records = versionedRecords<
    CommentRow,
    CustomerComment,
    CommentWrite & { customerId: string; authorId: string },
    Partial<CommentWrite>,
    typeof INCLUDE
  >(prisma, { what: "This comment", table: (client) => client.customerComment, include: INCLUDE, toItem: toComment });
  const page = async (customerId: string, limit: number, offset: number) =>
    (
      await prisma.customerComment.findMany({
        where: { customerId },
        include: INCLUDE,
        orderBy: ORDER,
        take: limit,
        skip: offset,
      })
    ).map(toComment);

  return {
    create: (customerId, data, authorId) => records.create({ ...data, customerId, authorId }),
    update: (id, version, data) => records.update(id, version, data),
    findById: (id) => records.findById(id),

    async list(customerId, limit, offset) {
      const [items, total] = await Promise.all([
        page(customerId, limit, offset),
        prisma.customerComment.count({ where: { customerId } }),
      ]);
      return { items, total };
    },

    latestForCustomer: (customerId, limit) => page(customerId, limit, 0),

    delete: (id) => records.delete(id),
  };
}
