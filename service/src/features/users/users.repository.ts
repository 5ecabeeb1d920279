import type { Me } from "contract";
import type { CurrentUser, TokenIdentity } from "../../auth/current-user";
import type { PrismaClient } from "../../generated/prisma/client";

export interface UsersRepository {
  upsertFromToken(identity: TokenIdentity): Promise<CurrentUser>;
  list(): Promise<Me[]>;
  setTimeZone(userId: string, timeZone: string): Promise<Me>;
  existingIds(ids: string[]): Promise<string[]>;
}

export function createUsersRepository(prisma: PrismaClient): UsersRepository {
  const toMe = (user: CurrentUser | Me): Me => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    timeZone: user.timeZone,
  });
  return {
    async upsertFromToken(identity) {
      const data = { email: identity.email, name: identity.name, role: identity.role, tenantId: identity.tenantId };
      const user = await prisma.user.upsert({
        where: { oid: identity.oid },
        create: { oid: identity.oid, ...data },
        update: { ...data, lastSeenAt: new Date() },
      });
      return { ...toMe(user), oid: user.oid };
    },
    async list() {
      return (await prisma.user.findMany({ orderBy: { name: "asc" } })).map(toMe);
    },
    async setTimeZone(userId, timeZone) {
      return toMe(await prisma.user.update({ where: { id: userId }, data: { timeZone } }));
    },
    async existingIds(ids) {
      return (await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((user) => user.id);
    },
  };
}
