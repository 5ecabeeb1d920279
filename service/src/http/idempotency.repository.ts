import type { PrismaClient } from "../generated/prisma/client";

/** What a keyed request finds when it arrives. */
export type IdempotencyClaim =
  | { kind: "owner" } // first of its key (or the key had expired, or its owner crashed): run it
  | { kind: "replay"; status: number; body: string | null } // done before: answer the same again
  | { kind: "in-flight" } // the first request with this key is still running
  | { kind: "mismatch" }; // the key was used for another request

export interface IdempotencyRepository {
  claim(input: {
    userId: string;
    key: string;
    fingerprint: string;
    now: Date;
    lockedUntil: Date;
    expiresAt: Date;
  }): Promise<IdempotencyClaim>;
  /** The owner's answer, kept for replays. */
  complete(userId: string, key: string, status: number, body: string | null): Promise<void>;
  /** The owner did not get through (nothing was created): the key is free again. */
  abandon(userId: string, key: string): Promise<void>;
  /** A long request keeps its claim. */
  renew(userId: string, key: string, lockedUntil: Date): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}

// One statement decides who owns the key, so two replicas answering the same retry at once cannot
// both run it: the second waits for the first's row and then finds it taken. A row is taken over
// only when it has expired, or when it is the same request whose owner stopped renewing its claim.
const CLAIM_SQL = `
INSERT INTO "IdempotencyKey" ("userId", "key", "fingerprint", "createdAt", "lockedUntil", "expiresAt")
VALUES ($1::uuid, $2, $3, $4, $5, $6)
ON CONFLICT ("userId", "key") DO UPDATE SET
  "fingerprint" = EXCLUDED."fingerprint", "status" = NULL, "response" = NULL,
  "createdAt" = EXCLUDED."createdAt", "lockedUntil" = EXCLUDED."lockedUntil", "expiresAt" = EXCLUDED."expiresAt"
WHERE "IdempotencyKey"."expiresAt" <= $4
   OR ("IdempotencyKey"."status" IS NULL AND "IdempotencyKey"."lockedUntil" <= $4
       AND "IdempotencyKey"."fingerprint" = EXCLUDED."fingerprint")
RETURNING "key"`;

export function createIdempotencyRepository(prisma: PrismaClient): IdempotencyRepository {
  const where = (userId: string, key: string) => ({ userId_key: { userId, key } });
  return {
    async claim({ userId, key, fingerprint, now, lockedUntil, expiresAt }) {
      // A row deleted between the two statements (abandoned, purged) is simply claimed again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const won = await prisma.$queryRawUnsafe<unknown[]>(
          CLAIM_SQL,
          userId,
          key,
          fingerprint,
          now,
          lockedUntil,
          expiresAt,
        );
        if (won.length > 0) return { kind: "owner" };
        const row = await prisma.idempotencyKey.findUnique({
          where: where(userId, key),
          select: { fingerprint: true, status: true, response: true },
        });
        if (!row) continue;
        if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
        if (row.status === null) return { kind: "in-flight" };
        return { kind: "replay", status: row.status, body: row.response };
      }
      return { kind: "in-flight" };
    },

    async complete(userId, key, status, body) {
      await prisma.idempotencyKey.updateMany({
        where: { userId, key },
        data: { status, response: body, lockedUntil: null },
      });
    },

    async abandon(userId, key) {
      await prisma.idempotencyKey.deleteMany({ where: { userId, key, status: null } });
    },

    async renew(userId, key, lockedUntil) {
      await prisma.idempotencyKey.updateMany({ where: { userId, key, status: null }, data: { lockedUntil } });
    },

    async purgeExpired(now) {
      return (await prisma.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } })).count;
    },
  };
}
