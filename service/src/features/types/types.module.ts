import type { PrismaClient } from "../../generated/prisma/client";
import { createTypesRepository } from "./types.repository";
import { typesRoutes } from "./types.routes";
import { createTypesService } from "./types.service";

/** Customer types: offers the customers feature the ids of type names. */
export function typesModule(prisma: PrismaClient) {
  const types = createTypesRepository(prisma);
  return { routes: typesRoutes(createTypesService(types)), ids: { idsByName: types.idsByName } };
}
