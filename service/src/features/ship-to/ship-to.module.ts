import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createShipToRepository } from "./ship-to.repository";
import { shipToRoutes } from "./ship-to.routes";
import { createShipToService } from "./ship-to.service";

/** Ship-to addresses of a customer: offers the record its list. */
export function shipToModule(prisma: PrismaClient, ports: Pick<Ports, "customers" | "access">) {
  const shipTo = createShipToRepository(prisma);
  return {
    routes: shipToRoutes(createShipToService(shipTo, ports)),
  };
}
