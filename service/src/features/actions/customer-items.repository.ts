import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { USER_REF_SELECT } from "../users/users.repository";
import { ACTION_INCLUDE, ACTION_ORDER, toAction } from "./actions.repository";

/** What opportunities and incidents are read with: owner, creator and their actions (open first). */
export const CUSTOMER_ITEM_INCLUDE = {
  owner: { select: USER_REF_SELECT },
  createdBy: { select: USER_REF_SELECT },
  actions: { include: ACTION_INCLUDE, orderBy: ACTION_ORDER },
} satisfies Prisma.OpportunityInclude & Prisma.IncidentInclude;

/** Opportunities and incidents: things on a customer with an owner, a version and actions. */
export interface CustomerItemsRepository<Item, Write> {
  create(customerId: string, data: Write, userId: string): Promise<Item>;
  /** Throws a conflict when `version` is not the current one. */
  update(id: string, version: number, data: Partial<Write>): Promise<Item>;
  findById(id: string): Promise<Item | null>;
  /** The item's customer, or null when there is no such item. */
  customerOf(id: string): Promise<string | null>;
  listForCustomer(customerId: string, limit: number): Promise<Item[]>;
}

type Include = typeof CUSTOMER_ITEM_INCLUDE;

/** The calls this needs on a Prisma table; `prisma.opportunity` and `prisma.incident` both fit. */
interface CustomerItemTable<Row, Write> {
  create(args: { data: Write & { customerId: string; createdById: string }; include: Include }): PromiseLike<Row>;
  updateMany(args: {
    where: { id: string; version: number };
    data: Partial<Write> & { modifiedAt: Date; version: { increment: number } };
  }): PromiseLike<{ count: number }>;
  findUnique(args: { where: { id: string }; include: Include }): PromiseLike<Row | null>;
  findUniqueOrThrow(args: { where: { id: string }; include: Include }): PromiseLike<Row>;
  findFirst(args: { where: { id: string }; select: { customerId: true } }): PromiseLike<{ customerId: string } | null>;
}

/** Everything but the listing, which orders each kind its own way. */
export function customerItemsRepository<Row, Item, Write>(
  prisma: PrismaClient,
  spec: {
    /** Names the item in a conflict message, e.g. "This opportunity". */
    what: string;
    table: (client: Prisma.TransactionClient) => CustomerItemTable<Row, Write>;
    toItem: (row: Row) => Item;
  },
): Omit<CustomerItemsRepository<Item, Write>, "listForCustomer"> {
  const { table, toItem } = spec;
  return {
    async create(customerId, data, userId) {
      return toItem(
        await table(prisma).create({
          data: { ...data, customerId, createdById: userId },
          include: CUSTOMER_ITEM_INCLUDE,
        }),
      );
    },

    async update(id, version, data) {
      return prisma.$transaction(async (tx) => {
        const { count } = await table(tx).updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion(spec.what);
        return toItem(await table(tx).findUniqueOrThrow({ where: { id }, include: CUSTOMER_ITEM_INCLUDE }));
      });
    },

    async findById(id) {
      const row = await table(prisma).findUnique({ where: { id }, include: CUSTOMER_ITEM_INCLUDE });
      return row ? toItem(row) : null;
    },

    async customerOf(id) {
      return (await table(prisma).findFirst({ where: { id }, select: { customerId: true } }))?.customerId ?? null;
    },
  };
}

/** The fields every opportunity and incident returns the same way, actions included. */
export function customerItemStamp(row: {
  id: string;
  customerId: string;
  owner: { id: string; name: string; email: string };
  createdBy: { id: string; name: string; email: string };
  createdAt: Date;
  modifiedAt: Date;
  version: number;
  actions: Parameters<typeof toAction>[0][];
}) {
  return {
    id: row.id,
    customerId: row.customerId,
    owner: row.owner,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
    actions: row.actions.map(toAction),
  };
}
