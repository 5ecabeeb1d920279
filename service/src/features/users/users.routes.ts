import { Me, MeUpdate, UserList } from "contract";
import { defineRoute } from "../../http/route";
import type { UsersService } from "./users.service";

export function usersRoutes(users: UsersService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/me",
      tag: "users",
      summary: "The signed-in user, as the service knows them",
      response: Me,
      handler: async ({ user }) => users.me(user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/me",
      tag: "users",
      summary: "Set the signed-in user's time zone (used for reminders)",
      authorization: "me:change",
      body: MeUpdate,
      response: Me,
      handler: async ({ user, body }) => users.setTimeZone(user, body.timeZone),
    }),
    defineRoute({
      method: "get",
      path: "/api/users",
      tag: "users",
      summary: "Everyone who has signed in (for choosing salesmen and owners)",
      response: UserList,
      handler: async () => ({ items: await users.list() }),
    }),
  ];
}
