import { Action, ActionCreate, ActionList, ActionListQuery, ActionUpdate, IdParams } from "contract";
import { defineRoute } from "../../http/route";
import type { ActionsService } from "./actions.service";

export function actionsRoutes(service: ActionsService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/actions",
      tag: "actions",
      summary:
        "A task with a due day and an owner on exactly one of an opportunity, an incident, a customer or a contact",
      authorization: "actions:create",
      body: ActionCreate,
      response: Action,
      status: 201,
      handler: async ({ body, user }) => service.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/actions",
      tag: "actions",
      summary:
        "Actions of a customer (with its opportunities', incidents' and contacts'), contact, opportunity or incident",
      query: ActionListQuery,
      response: ActionList,
      handler: async ({ query, user }) => ({ items: await service.list(query, user) }),
    }),
    defineRoute({
      method: "patch",
      path: "/api/actions/:id",
      tag: "actions",
      summary: "Edit, reassign or tick off an action (owner, manager or admin); send the version you loaded",
      authorization: "actions:change",
      params: IdParams,
      body: ActionUpdate,
      response: Action,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
  ];
}
