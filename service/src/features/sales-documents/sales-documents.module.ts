import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import type { Letterhead } from "./document-pdf";
import { createSalesDocumentsRepository } from "./sales-documents.repository";
import { salesDocumentsRoutes } from "./sales-documents.routes";
import { type ItemCatalog, type SpecialPriceSource, createSalesDocumentsService } from "./sales-documents.service";

/** Quotes and sales orders, their lines checked against the item master, priced with the customer's special prices; printed under the letterhead. */
export function salesDocumentsModule(
  prisma: PrismaClient,
  ports: Pick<Ports, "customers" | "contacts" | "access">,
  specialPrices: SpecialPriceSource,
  items: ItemCatalog,
  letterhead: Letterhead,
) {
  const documents = createSalesDocumentsRepository(prisma);
  const service = createSalesDocumentsService({ documents, specialPrices, items, letterhead, ...ports });
  return { routes: salesDocumentsRoutes(service), intake: service.intake };
}
