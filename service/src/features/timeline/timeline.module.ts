import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createTimelineRepository } from "./timeline.repository";
import { timelineRoutes } from "./timeline.routes";
import { createTimelineService } from "./timeline.service";

/** One customer's history and future across activities, e-mails, notes, quotes, orders and lifecycle. */
export function timelineModule(prisma: PrismaClient, ports: Pick<Ports, "customers">) {
  return { routes: timelineRoutes(createTimelineService(createTimelineRepository(prisma), ports.customers)) };
}
