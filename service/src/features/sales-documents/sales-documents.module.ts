import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import type { Letterhead } from "./document-pdf";
import { createSalesDocumentsRepository } from "./sales-documents.repository";
import { salesDocumentsRoutes } from "./sales-documents.routes";
import { type SpecialPriceSource, createSalesDocumentsService } from "./sales-documents.service";

/** Quotes and sales orders, priced with the customer's special prices; printed under the letterhead. */
export function salesDocumentsModule(
  prisma: PrismaClient,
  ports: Pick<Ports, "customers" | "contacts" | "access">,
  specialPrices: SpecialPriceSource,
  letterhead: Letterhead,
) {
  const documents = createSalesDocumentsRepository(prisma);
  const service = createSalesDocumentsService({ documents, specialPrices, letterhead, ...ports });
  return { routes: salesDocumentsRoutes(service) };
}
