import type { Prisma } from "../../generated/prisma/client";

/** The activity-series repository calls this in the transaction that saved a series. */
export interface SeriesOutbox {
  /** Records that the Outlook series master must follow; false when sync is off. */
  enqueue(tx: Prisma.TransactionClient, series: { id: string; version: number }): Promise<boolean>;
}

export const NO_SERIES_OUTBOX: SeriesOutbox = { enqueue: async () => false };

export const seriesOutbox: SeriesOutbox = {
  async enqueue(tx, series) {
    // One row per series, later changes fold into it, as CalendarOutbox does for activities.
    await tx.seriesOutbox.upsert({
      where: { seriesId: series.id },
      create: { seriesId: series.id, seriesVersion: series.version },
      update: { seriesVersion: series.version, availableAt: new Date(), attempts: 0, lastError: null },
    });
    await tx.activitySeries.update({ where: { id: series.id }, data: { syncState: "PENDING", syncError: null } });
    return true;
  },
};
