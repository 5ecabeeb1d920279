import type { Database } from "../../db/database";
import { createLookupRepository } from "./lookup.repository";
import { lookupRoutes } from "./lookup.routes";
import { createLookupService } from "./lookup.service";

/** Journey 1: who is behind these addresses; orgDomains are never matched by domain. */
export function lookupModule(db: Database, orgDomains: string[]) {
  return { routes: lookupRoutes(createLookupService(createLookupRepository(db), orgDomains)) };
}
