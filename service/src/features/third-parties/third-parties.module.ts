import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createThirdPartiesRepository } from "./third-parties.repository";
import { thirdPartiesRoutes } from "./third-parties.routes";
import { createThirdPartiesService } from "./third-parties.service";

/** Third parties of a customer: offers the record its list. */
export function thirdPartiesModule(prisma: PrismaClient, ports: Pick<Ports, "customers" | "access">) {
  const thirdParties = createThirdPartiesRepository(prisma);
  return {
    routes: thirdPartiesRoutes(createThirdPartiesService(thirdParties, ports)),
  };
}
