import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createOpportunitiesRepository } from "./opportunities.repository";
import { opportunitiesRoutes } from "./opportunities.routes";
import { createOpportunitiesService } from "./opportunities.service";

/** Opportunities: offers actions the customer of an opportunity, and the record its opportunities. */
export function opportunitiesModule(prisma: PrismaClient, ports: Pick<Ports, "customers" | "users" | "access">) {
  const opportunities = createOpportunitiesRepository(prisma);
  return {
    routes: opportunitiesRoutes(createOpportunitiesService({ opportunities, ...ports })),
    parents: { customerOf: opportunities.customerOf },
  };
}
