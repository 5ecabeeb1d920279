import type { SeenUsers, TokenUsers } from "../../auth/auth-middleware";
import type { PrismaClient } from "../../generated/prisma/client";
import type { UserDirectory } from "../../shared/ports/user-directory.port";
import { createUserDirectory } from "./user-directory";
import { createUsersRepository } from "./users.repository";
import { usersRoutes } from "./users.routes";
import { createUsersService } from "./users.service";

/** Users: offers the UserDirectory port, and to the auth middleware the user behind a token. */
export function usersModule(prisma: PrismaClient, seen: SeenUsers) {
  const users = createUsersRepository(prisma);
  const directory: UserDirectory = createUserDirectory(users);
  const tokenUsers: TokenUsers = users;
  return { routes: usersRoutes(createUsersService(users, seen)), directory, tokenUsers };
}
