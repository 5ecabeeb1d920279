import { type Permission, allows } from "contract";
import { notFound } from "./app-error";
import type { Access, Actor } from "./ports/access.port";
import type { CustomerAccess } from "./ports/customer-access.port";

// Special prices, third parties, ship-to addresses and comments are the same kind of thing: records
// on a customer, listed and added under it, changed and removed by their own id. This is the one
// place where their common rules stand, in one order; each kind brings its own (see its service).

/** The authorisation table's permissions for adding one, and for changing or removing one. */
export interface SubRecordPermissions {
  create: Permission;
  change: Permission;
}

export interface CustomerSubRecordService<Item, Create, Update, Query = undefined, Listing = Item[]> {
  /** What this piece enforces, for the routes to document. */
  readonly permissions: SubRecordPermissions;
  /** 404 unless the customer exists. */
  list(customerId: string, query: Query): Promise<Listing>;
  /** The table (create), then 404 unless the customer exists, then the kind's own rules. */
  create(customerId: string, input: Create, user: Actor): Promise<Item>;
  /** 404 unless it exists, the table (change; its owner where the table names one), then the kind's rules. */
  update(id: string, input: Update, user: Actor): Promise<Item>;
  /** As update, and 404 when it was gone by then. */
  delete(id: string, user: Actor): Promise<void>;
}

/** What one kind brings: its name, its permissions, its reads and writes, and its own rules inside them. */
export interface SubRecordKind<Item extends { customerId: string }, Create, Update, Query, Listing> {
  /** Names it in a 404, e.g. "special price". */
  what: string;
  permissions: SubRecordPermissions;
  /** Whose it is, where the table grants its `owner` (a comment's author). */
  ownerOf?: (item: Item) => string;
  list(customerId: string, query: Query): Promise<Listing>;
  find(id: string): Promise<Item | null>;
  /** Fills defaults, checks what only this kind checks, stores. */
  create(customerId: string, input: Create, user: Actor): Promise<Item>;
  /** Checks the change against the record as it is, stores it; null when the record is gone. */
  update(current: Item, input: Update): Promise<Item | null>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

/** Whatever the caller is to the record: where even that allows nothing, the role may never do it. */
const ANY_RELATION = { owner: true, linked: true };

export function customerSubRecordService<
  Item extends { customerId: string },
  Create,
  Update,
  Query = undefined,
  Listing = Item[],
>(
  kind: SubRecordKind<Item, Create, Update, Query, Listing>,
  ports: { customers: CustomerAccess; access: Access },
): CustomerSubRecordService<Item, Create, Update, Query, Listing> {
  const { customers, access } = ports;
  const { permissions } = kind;

  /** The record, if the caller may change it: a role never allowed is told so before it learns whether it exists. */
  async function changeable(id: string, user: Actor): Promise<Item> {
    if (!allows(user.role, permissions.change, ANY_RELATION)) await access.require(user, permissions.change);
    const current = await kind.find(id);
    if (!current) throw notFound(kind.what, id);
    await access.require(user, permissions.change, {
      ownerId: kind.ownerOf?.(current),
      customerId: current.customerId,
    });
    return current;
  }

  return {
    permissions,

    async list(customerId, query) {
      await customers.require(customerId);
      return kind.list(customerId, query);
    },

    async create(customerId, input, user) {
      await access.require(user, permissions.create, { customerId });
      await customers.require(customerId);
      return kind.create(customerId, input, user);
    },

    async update(id, input, user) {
      const current = await changeable(id, user);
      return (await kind.update(current, input)) ?? Promise.reject(notFound(kind.what, id));
    },

    async delete(id, user) {
      await changeable(id, user);
      if (!(await kind.delete(id))) throw notFound(kind.what, id);
    },
  };
}
