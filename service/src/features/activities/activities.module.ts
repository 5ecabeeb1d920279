import type { ActivityOutbox } from "../../calendar-sync/outbox/activity-outbox";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createActivitiesRepository } from "./activities.repository";
import { activitiesRoutes } from "./activities.routes";
import { createActivitiesService } from "./activities.service";
import { createColdCallsRepository } from "./cold-calls.repository";
import { coldCallsRoutes } from "./cold-calls.routes";
import { createColdCallsService } from "./cold-calls.service";
import { createPlannedTasks } from "./planned-tasks.repository";
import type { SampleRecorder } from "../../shared/ports/sample-recorder.port";
import { createTemplatesRepository } from "./templates.repository";

/**
 * Activities, their templates and cold calls; outbox: the calendar sync's, written in the transaction
 * that saves an activity. Offers the record its planned and past activities, and other features planned tasks.
 */
export function activitiesModule(
  prisma: PrismaClient,
  outbox: ActivityOutbox,
  ports: Pick<Ports, "customers" | "contacts" | "users">,
  samples: SampleRecorder,
) {
  const activities = createActivitiesRepository(prisma, outbox);
  const templates = createTemplatesRepository(prisma);
  const coldCalls = createColdCallsRepository(prisma, outbox);
  return {
    routes: [
      ...activitiesRoutes(createActivitiesService({ activities, templates, samples, ...ports })),
      ...coldCallsRoutes(createColdCallsService({ coldCalls, activities, samples, ...ports })),
    ],
    ofSeries: activities.ofSeries,
    /** Tasks other features plan for a user (a loaner's overdue reminder). */
    plannedTasks: createPlannedTasks(outbox),
  };
}
