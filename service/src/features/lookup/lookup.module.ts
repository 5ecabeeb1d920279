import type { Database } from "../../db/database";
import { createLookupRepository } from "./lookup.repository";
import { lookupRoutes } from "./lookup.routes";
import { type RecordOfCustomer, createLookupService } from "./lookup.service";

/**
 * Journey 1: who is behind these addresses; orgDomains are never matched by domain. `records`
 * reads the one customer's record when the caller asks for it along (include=record).
 */
export function lookupModule(db: Database, orgDomains: string[], records: RecordOfCustomer) {
  const service = createLookupService(createLookupRepository(db), orgDomains, records);
  // Bulk logging finds each selected message's customer by this same lookup.
  return { routes: lookupRoutes(service), participants: { lookup: service.lookup } };
}
