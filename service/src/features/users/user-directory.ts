import type { UserDirectory } from "../../shared/ports/user-directory.port";
import { notFound } from "../../shared/app-error";
import type { UsersRepository } from "./users.repository";

/** The users' side of the UserDirectory port, over their repository. */
export function createUserDirectory(users: Pick<UsersRepository, "existingIds">): UserDirectory {
  return {
    async require(userId, field = "body.ownerId") {
      if ((await users.existingIds([userId])).length === 0) throw notFound("user", userId, field);
    },
    existingIds: (ids) => users.existingIds(ids),
  };
}
