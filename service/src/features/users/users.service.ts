import type { Me } from "contract";
import type { SeenUsers } from "../../auth/auth-middleware";
import type { CurrentUser } from "../../auth/current-user";
import type { UsersRepository } from "./users.repository";

export interface UsersService {
  /** The signed-in user, as the service knows them. */
  me(user: CurrentUser): Me;
  setTimeZone(user: CurrentUser, timeZone: string): Promise<Me>;
  list(): Promise<Me[]>;
}

/** seen: the auth middleware's cache of users, forgotten on a change so this replica sees it at once. */
export function createUsersService(users: UsersRepository, seen: SeenUsers): UsersService {
  return {
    me: (user) => ({ id: user.id, name: user.name, email: user.email, role: user.role, timeZone: user.timeZone }),
    async setTimeZone(user, timeZone) {
      const updated = await users.setTimeZone(user.id, timeZone);
      seen.forget(user.oid);
      return updated;
    },
    list: () => users.list(),
  };
}
