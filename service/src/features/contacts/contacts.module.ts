import type { PrismaClient } from "../../generated/prisma/client";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { Ports } from "../../shared/ports/ports";
import { createContactAccess } from "./contact-access";
import { createContactsRepository } from "./contacts.repository";
import { contactsRoutes } from "./contacts.routes";
import { createContactsService } from "./contacts.service";

/** Contacts: offers the ContactAccess port, and the record its contacts. */
export function contactsModule(prisma: PrismaClient, ports: Pick<Ports, "customers">) {
  const contacts = createContactsRepository(prisma);
  const access: ContactAccess = createContactAccess(contacts);
  return {
    routes: contactsRoutes(createContactsService(contacts, ports.customers)),
    access,
  };
}
