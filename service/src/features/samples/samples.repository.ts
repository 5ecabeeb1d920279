import type { Sample } from "contract";
import { USER_REF_SELECT } from "../../db/user-ref";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { SavedActivity } from "../../shared/ports/sample-recorder.port";

/** A sample as the service resolved it: its contact checked against the activity's customer. */
export interface SampleWrite {
  customerId: string;
  contactId: string;
  itemCode: string;
  description: string | null;
  quantity: number;
  batch: string;
}

const INCLUDE = {
  contact: { select: { id: true, firstName: true, lastName: true } },
  handedOverBy: { select: USER_REF_SELECT },
} satisfies Prisma.SampleInclude;
export type SampleRow = Prisma.SampleGetPayload<{ include: typeof INCLUDE }>;

export const toSample = (row: SampleRow): Sample => ({
  id: row.id,
  customerId: row.customerId,
  activityId: row.activityId,
  contact: { id: row.contact.id, name: `${row.contact.firstName} ${row.contact.lastName}`.trim() },
  itemCode: row.itemCode,
  description: row.description,
  quantity: row.quantity,
  batch: row.batch,
  handedOverAt: row.handedOverAt.toISOString(),
  handedOverBy: row.handedOverBy,
});

/** Inside the transaction that saves the call or the finish: the samples take the activity's time. */
export async function writeSamples(
  tx: Prisma.TransactionClient,
  activity: SavedActivity,
  samples: SampleWrite[],
  userId: string,
): Promise<void> {
  await tx.sample.createMany({
    data: samples.map((sample) => ({
      ...sample,
      activityId: activity.id,
      handedOverAt: activity.startsAt,
      handedOverById: userId,
    })),
  });
}

export interface SamplesRepository {
  /** Newest first, as the record lists them. */
  latestForCustomer(customerId: string, limit: number): Promise<Sample[]>;
}

export function createSamplesRepository(prisma: PrismaClient): SamplesRepository {
  return {
    async latestForCustomer(customerId, limit) {
      const rows = await prisma.sample.findMany({
        where: { customerId },
        include: INCLUDE,
        orderBy: [{ handedOverAt: "desc" }, { createdAt: "desc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map(toSample);
    },
  };
}
