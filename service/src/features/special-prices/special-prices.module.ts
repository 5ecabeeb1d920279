import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createSpecialPricesRepository } from "./special-prices.repository";
import { specialPricesRoutes } from "./special-prices.routes";
import { createSpecialPricesService } from "./special-prices.service";

/** Special prices: offers quotes and orders the customer's prices for their lines. */
export function specialPricesModule(prisma: PrismaClient, ports: Pick<Ports, "customers" | "access">) {
  const prices = createSpecialPricesRepository(prisma);
  return {
    routes: specialPricesRoutes(createSpecialPricesService(prices, ports)),
    forPricing: { listForCustomer: prices.listForCustomer },
  };
}
