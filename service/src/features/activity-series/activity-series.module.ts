import type { Activity } from "contract";
import type { SeriesOutbox } from "../../calendar-sync/outbox/series-outbox";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createActivitySeriesRepository } from "./activity-series.repository";
import { activitySeriesRoutes } from "./activity-series.routes";
import { createActivitySeriesService } from "./activity-series.service";

/**
 * Recurring activities. listOccurrences: the activities feature's read of a series' occurrences
 * (handed on by app.ts, so each feature keeps its own tables' reads).
 */
export function activitySeriesModule(
  prisma: PrismaClient,
  outbox: SeriesOutbox,
  ports: Pick<Ports, "customers" | "contacts">,
  listOccurrences: (seriesId: string) => Promise<Activity[]>,
  materialiseDays: number,
) {
  const series = createActivitySeriesRepository(prisma, outbox, listOccurrences);
  return { routes: activitySeriesRoutes(createActivitySeriesService({ series, ...ports, materialiseDays })) };
}
