import type { PrismaClient } from "../../generated/prisma/client";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import type { Ports } from "../../shared/ports/ports";
import { createNotesRepository } from "./notes.repository";
import { notesRoutes } from "./notes.routes";
import { createNotesService } from "./notes.service";

/** Rich-text notes on customers and contacts, sanitised by htmlCleaner: offers the record the latest. */
export function notesModule(
  prisma: PrismaClient,
  ports: Pick<Ports, "customers" | "contacts">,
  htmlCleaner: HtmlCleaner,
) {
  const notes = createNotesRepository(prisma);
  return {
    routes: notesRoutes(createNotesService({ notes, htmlCleaner, ...ports })),
  };
}
