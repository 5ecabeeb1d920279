import type { Item, ItemCreate, ItemUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { notFound } from "../../shared/app-error";
import type { ItemsRepository } from "./items.repository";

export interface ItemsService {
  list(query: { q?: string; includeInactive?: "true" | "false" }): Promise<Item[]>;
  create(input: ItemCreate, user: CurrentUser): Promise<Item>;
  update(id: string, input: ItemUpdate, user: CurrentUser): Promise<Item>;
}

/** The item master is a curated list: everyone reads it, managers and admins keep it (items:manage). */
export function createItemsService(items: ItemsRepository): ItemsService {
  return {
    list: (query) => items.list({ q: query.q || undefined, includeInactive: query.includeInactive === "true" }),
    async create(input, user) {
      requirePermission(user, "items:manage");
      return items.create(input);
    },
    async update(id, { version, ...changes }, user) {
      requirePermission(user, "items:manage");
      if (!(await items.findById(id))) throw notFound("item", id);
      return items.update(id, version, changes);
    },
  };
}
