import type { PrismaClient } from "../../generated/prisma/client";
import type { Ports } from "../../shared/ports/ports";
import { createAttachmentsRepository } from "./attachments.repository";
import { attachmentsRoutes } from "./attachments.routes";
import { createAttachmentsService } from "./attachments.service";

/** Files on a customer's record (app.ts also mounts attachmentUploadBody, which reads their bytes). */
export function attachmentsModule(prisma: PrismaClient, ports: Pick<Ports, "customers">) {
  return { routes: attachmentsRoutes(createAttachmentsService(createAttachmentsRepository(prisma), ports.customers)) };
}
