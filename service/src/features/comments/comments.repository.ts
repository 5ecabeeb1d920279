import type { CustomerComment } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { USER_REF_SELECT } from "../users/users.repository";

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
type Row = Prisma.CustomerCommentGetPayload<{ include: typeof INCLUDE }>;
const ORDER = [
  { pinned: "desc" },
  { createdAt: "desc" },
  { id: "asc" },
] satisfies Prisma.CustomerCommentOrderByWithRelationInput[];

const toComment = (row: Row): CustomerComment => ({
  id: row.id,
  customerId: row.customerId,
  body: row.body,
  pinned: row.pinned,
  author: row.author,
  createdAt: row.createdAt.toISOString(),
  modifiedAt: row.modifiedAt.toISOString(),
  version: row.version,
});

export function createCommentsRepository(prisma: PrismaClient): CommentsRepository {
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
    async create(customerId, data, authorId) {
      return toComment(
        await prisma.customerComment.create({ data: { ...data, customerId, authorId }, include: INCLUDE }),
      );
    },

    async update(id, version, data) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.customerComment.updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This comment");
        return toComment(await tx.customerComment.findUniqueOrThrow({ where: { id }, include: INCLUDE }));
      });
    },

    async findById(id) {
      const row = await prisma.customerComment.findUnique({ where: { id }, include: INCLUDE });
      return row ? toComment(row) : null;
    },

    async list(customerId, limit, offset) {
      const [items, total] = await Promise.all([
        page(customerId, limit, offset),
        prisma.customerComment.count({ where: { customerId } }),
      ]);
      return { items, total };
    },

    latestForCustomer: (customerId, limit) => page(customerId, limit, 0),

    async delete(id) {
      return (await prisma.customerComment.deleteMany({ where: { id } })).count > 0;
    },
  };
}
