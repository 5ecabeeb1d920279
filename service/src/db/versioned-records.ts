import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { staleVersion } from "../shared/app-error";

/** What every versioned write sets besides its changes. */
type Stamp = { modifiedAt: Date; version: { increment: number } };

/** The calls this needs on a Prisma table; `prisma.thirdParty`, `prisma.opportunity` and their kin fit. */
export interface VersionedTable<Row, Include, Create, Changes> {
  create(args: { data: Create; include: Include }): PromiseLike<Row>;
  updateMany(args: { where: { id: string; version: number }; data: Changes & Stamp }): PromiseLike<{ count: number }>;
  findUnique(args: { where: { id: string }; include: Include }): PromiseLike<Row | null>;
  findUniqueOrThrow(args: { where: { id: string }; include: Include }): PromiseLike<Row>;
  deleteMany(args: { where: { id: string } }): PromiseLike<{ count: number }>;
}

/** A table of records that carry a version, read as contract shapes. */
export interface VersionedRecords<Item, Create, Changes> {
  create(data: Create): Promise<Item>;
  /** Writes only while `version` is the current one (409 naming the record otherwise); answers the record as it is then. */
  update(id: string, version: number, changes: Changes): Promise<Item>;
  findById(id: string): Promise<Item | null>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

/**
 * Create, versioned update, read and delete of one table, as every repository of versioned records
 * writes them; the listings stay with each repository, which orders and filters its own way.
 */
export function versionedRecords<Row, Item, Create, Changes, Include>(
  prisma: PrismaClient,
  spec: {
    /** Names the record in a conflict, e.g. "This third party". */
    what: string;
    table: (client: Prisma.TransactionClient) => VersionedTable<Row, Include, Create, Changes>;
    include: Include;
    toItem: (row: Row) => Item;
  },
): VersionedRecords<Item, Create, Changes> {
  const { table, include, toItem } = spec;
  return {
    async create(data) {
      return toItem(await table(prisma).create({ data, include }));
    },

    async update(id, version, changes) {
      return prisma.$transaction(async (tx) => {
        // The version in the WHERE clause makes the check and the write one atomic step.
        const { count } = await table(tx).updateMany({
          where: { id, version },
          data: { ...changes, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion(spec.what);
        return toItem(await table(tx).findUniqueOrThrow({ where: { id }, include }));
      });
    },

    async findById(id) {
      const row = await table(prisma).findUnique({ where: { id }, include });
      return row ? toItem(row) : null;
    },

    async delete(id) {
      return (await table(prisma).deleteMany({ where: { id } })).count > 0;
    },
  };
}
