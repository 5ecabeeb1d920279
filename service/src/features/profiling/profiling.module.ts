import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createProfilingRepository } from "./profiling.repository";
import { profilingRoutes } from "./profiling.routes";
import { createProfilingService } from "./profiling.service";

/** Profiling question sets and a customer's answers. */
export function profilingModule(prisma: PrismaClient, ports: Pick<Ports, "customers">) {
  return { routes: profilingRoutes(createProfilingService(createProfilingRepository(prisma), ports.customers)) };
}
