import { Me, MeUpdate, UserList } from "contract";
import { defineRoute } from "../../http/route";
import type { SeenUsers } from "../../auth/auth-middleware";
import type { UsersRepository } from "./users.repository";

export function usersRoutes(users: UsersRepository, seen: SeenUsers) {
  return [
    defineRoute({
      method: "get",
      path: "/api/me",
      tag: "users",
      summary: "The signed-in user, as the service knows them",
      response: Me,
      handler: async ({ user }) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        timeZone: user.timeZone,
      }),
    }),
    defineRoute({
      method: "patch",
      path: "/api/me",
      tag: "users",
      summary: "Set the signed-in user's time zone (used for reminders)",
      authorization: "me:change",
      body: MeUpdate,
      response: Me,
      handler: async ({ user, body }) => {
        const updated = await users.setTimeZone(user.id, body.timeZone);
        seen.forget(user.oid);
        return updated;
      },
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
