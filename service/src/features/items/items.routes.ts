import {
  CrossReference,
  CrossReferenceCreate,
  CrossReferenceList,
  CrossReferenceUpdate,
  IdParams,
  Item,
  ItemCreate,
  ItemList,
  ItemListQuery,
  ItemUpdate,
} from "contract";
import { customerSubRecordRoutes } from "../../http/customer-sub-record.routes";
import { type AnyRoute, defineRoute } from "../../http/route";
import type { CrossReferencesService } from "./cross-references.service";
import type { ItemsService } from "./items.service";

export function itemsRoutes(items: ItemsService, references: CrossReferencesService): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/items",
      tag: "items",
      summary: "The item master by code (active items unless includeInactive=true; q searches code and description)",
      query: ItemListQuery,
      response: ItemList,
      handler: async ({ query }) => ({ items: await items.list(query) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/items",
      tag: "items",
      summary: "Add an item (managers and admins); 409 when the code exists",
      authorization: "items:manage",
      body: ItemCreate,
      response: Item,
      status: 201,
      handler: async ({ body, user }) => items.create(body, user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/items/:id",
      tag: "items",
      summary: "Change an item's description or unit, or retire it (active false); the code stays",
      authorization: "items:manage",
      params: IdParams,
      body: ItemUpdate,
      response: Item,
      handler: async ({ params, body, user }) => items.update(params.id, body, user),
    }),
    ...customerSubRecordRoutes(references, {
      collection: "cross-references",
      tag: "items",
      schemas: {
        item: CrossReference,
        list: CrossReferenceList,
        create: CrossReferenceCreate,
        update: CrossReferenceUpdate,
      },
      summaries: {
        list: "A customer's own item codes mapped to ours, by their code",
        create: "Map a customer's code to one of our items (its salesmen, managers); 409 when that code is mapped",
        update: "Change a cross-reference; send the version you loaded",
        delete: "Remove a cross-reference",
      },
    }),
  ];
}
