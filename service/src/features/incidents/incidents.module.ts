import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createIncidentsRepository } from "./incidents.repository";
import { incidentsRoutes } from "./incidents.routes";
import { createIncidentsService } from "./incidents.service";

/** Incidents: offers actions the customer of an incident, and the record its incidents. */
export function incidentsModule(
  prisma: PrismaClient,
  ports: Pick<Ports, "customers" | "contacts" | "users" | "access">,
) {
  const incidents = createIncidentsRepository(prisma);
  return {
    routes: incidentsRoutes(createIncidentsService({ incidents, ...ports })),
    parents: { customerOf: incidents.customerOf },
  };
}
