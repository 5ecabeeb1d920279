import type { Database } from "../../db/database";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import type { Ports } from "../../shared/ports/ports";
import { createNotesRepository } from "./notes.repository";
import { notesRoutes } from "./notes.routes";
import { createNotesService } from "./notes.service";

/** Rich-text notes on customers and contacts, sanitised by htmlCleaner: offers the record the latest. */
export function notesModule(db: Database, ports: Pick<Ports, "customers" | "contacts">, htmlCleaner: HtmlCleaner) {
  const notes = createNotesRepository(db);
  return {
    routes: notesRoutes(createNotesService({ notes, htmlCleaner, ...ports })),
  };
}
