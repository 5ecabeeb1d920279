import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createActionsRepository } from "./actions.repository";
import { actionsRoutes } from "./actions.routes";
import { type ActionParent, createActionsService } from "./actions.service";

/** Actions, on an opportunity, an incident, a customer or a contact: offers the record the open ones. */
export function actionsModule(
  prisma: PrismaClient,
  ports: Pick<Ports, "customers" | "contacts" | "users">,
  parents: { opportunities: ActionParent; incidents: ActionParent },
) {
  const actions = createActionsRepository(prisma);
  return {
    routes: actionsRoutes(createActionsService({ actions, ...parents, ...ports })),
  };
}
