import type { CustomerType } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { notFound } from "../../shared/app-error";
import type { TypesRepository } from "./types.repository";

export interface TypesService {
  list(): Promise<CustomerType[]>;
  create(name: string, user: CurrentUser): Promise<CustomerType>;
  rename(id: string, name: string, user: CurrentUser): Promise<CustomerType>;
}

/** Customer types are a curated list: everyone reads it, managers and admins maintain it (types:manage). */
export function createTypesService(types: TypesRepository): TypesService {
  return {
    list: () => types.list(),
    async create(name, user) {
      requirePermission(user, "types:manage");
      return types.create(name);
    },
    async rename(id, name, user) {
      requirePermission(user, "types:manage");
      return (await types.rename(id, name)) ?? Promise.reject(notFound("customer type", id));
    },
  };
}
