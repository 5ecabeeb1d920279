import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createSalesDocumentsRepository } from "./sales-documents.repository";
import { salesDocumentsRoutes } from "./sales-documents.routes";
import { type SpecialPriceSource, createSalesDocumentsService } from "./sales-documents.service";

/** Quotes and sales orders, priced with the customer's special prices. */
export function salesDocumentsModule(
  prisma: PrismaClient,
  ports: Pick<Ports, "customers" | "contacts" | "access">,
  specialPrices: SpecialPriceSource,
) {
  const documents = createSalesDocumentsRepository(prisma);
  return { routes: salesDocumentsRoutes(createSalesDocumentsService({ documents, specialPrices, ...ports })) };
}
