import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createLifecycleRepository } from "./lifecycle.repository";
import { lifecycleRoutes } from "./lifecycle.routes";
import { createLifecycleService } from "./lifecycle.service";

/** Lifecycle (New → Released → Active); the record draws its section with lifecycleSection. */
export function lifecycleModule(prisma: PrismaClient, ports: Pick<Ports, "customers">) {
  const lifecycle = createLifecycleService(ports.customers, createLifecycleRepository(prisma));
  return { routes: lifecycleRoutes(lifecycle) };
}
