import type { PrismaClient } from "../../generated/prisma/client";

// The lease both outboxes share (CalendarOutbox for activities, SeriesOutbox for series): due entries
// are taken with FOR UPDATE SKIP LOCKED, so two replicas never push the same row, and an entry is done
// only up to the version pushed. Raw SQL because Prisma has no FOR UPDATE SKIP LOCKED; PGlite is one
// connection, where the same statements are simply serial. The names below are this module's
// constants, never input.

/** An outbox table: its key (the row it pushes, in `parent`, which holds the owner), version column and order. */
export interface OutboxTable {
  outbox: "CalendarOutbox" | "SeriesOutbox";
  key: "activityId" | "seriesId";
  version: "activityVersion" | "seriesVersion";
  parent: "Activity" | "ActivitySeries";
  /** Which due entries go first. */
  order: "enqueuedAt" | "availableAt";
}

export interface ClaimOptions {
  workerId: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Only this owner's entries ("Sync with Outlook"). */
  ownerId?: string;
}

export function createOutboxLease(prisma: PrismaClient, { outbox, key, version, parent, order }: OutboxTable) {
  const claimSql = `
UPDATE "${outbox}" SET "lockedUntil" = $1, "lockedBy" = $2
WHERE "${key}" IN (
  SELECT o."${key}" FROM "${outbox}" o JOIN "${parent}" p ON p.id = o."${key}"
  WHERE o."availableAt" <= $3 AND (o."lockedUntil" IS NULL OR o."lockedUntil" < $3)
    AND ($4::uuid IS NULL OR p."ownerId" = $4::uuid)
  ORDER BY o."${order}", o."${key}"
  LIMIT $5
  FOR UPDATE OF o SKIP LOCKED)
RETURNING "${key}" AS id`;
  const finishSql = `
DELETE FROM "${outbox}" o USING unnest($1::uuid[], $2::int[]) AS v(id, version)
WHERE o."${key}" = v.id AND o."${version}" <= v.version`;
  const unlockSql = `UPDATE "${outbox}" SET "lockedUntil" = NULL, "lockedBy" = NULL WHERE "${key}" = ANY($1::uuid[])`;

  return {
    /** Leases due entries; the ids of the rows they push. */
    async claim({ workerId, now, leaseMs, limit, ownerId }: ClaimOptions): Promise<string[]> {
      const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
        claimSql,
        new Date(now.getTime() + leaseMs),
        workerId,
        now,
        ownerId ?? null,
        limit,
      );
      return rows.map((row) => row.id);
    },

    /** Done up to the versions pushed: those entries go; one with a later change stays, unlocked, for the next round. */
    async finish(pushed: { id: string; version: number }[]) {
      if (pushed.length === 0) return;
      const ids = pushed.map((entry) => entry.id);
      await prisma.$executeRawUnsafe(
        finishSql,
        ids,
        pushed.map((entry) => entry.version),
      );
      await prisma.$executeRawUnsafe(unlockSql, ids);
    },
  };
}
