import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createConsentRepository } from "./consent.repository";
import { consentRoutes } from "./consent.routes";
import { createConsentService } from "./consent.service";

/** Marketing consent of contacts: offers the record each contact's current state. */
export function consentModule(prisma: PrismaClient, ports: Pick<Ports, "contacts">) {
  const consent = createConsentRepository(prisma);
  return {
    routes: consentRoutes(createConsentService(consent, ports.contacts)),
  };
}
