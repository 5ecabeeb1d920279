import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createCrossReferencesService } from "./cross-references.service";
import { createCrossReferencesRepository, createItemsRepository } from "./items.repository";
import { itemsRoutes } from "./items.routes";
import { createItemsService } from "./items.service";

/** The item master and customers' cross-references; offers quotes and orders what a line's code means. */
export function itemsModule(prisma: PrismaClient, ports: Pick<Ports, "customers" | "access">) {
  const items = createItemsRepository(prisma);
  const references = createCrossReferencesService(createCrossReferencesRepository(prisma), items, ports);
  return {
    routes: itemsRoutes(createItemsService(items), references),
    catalog: { resolve: items.resolve },
  };
}
