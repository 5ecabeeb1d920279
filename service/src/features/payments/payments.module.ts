import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createPaymentsRepository } from "./payments.repository";
import { paymentsRoutes } from "./payments.routes";
import { createPaymentsService } from "./payments.service";

/** Payment agreements of a customer and the payments made against them; the record lists them. */
export function paymentsModule(prisma: PrismaClient, ports: Pick<Ports, "customers" | "access">) {
  return { routes: paymentsRoutes(createPaymentsService(createPaymentsRepository(prisma), ports)) };
}
