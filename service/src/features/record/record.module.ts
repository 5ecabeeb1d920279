import type { Database } from "../../db/database";
import { createRecordRepository } from "./record.repository";
import { recordRoutes } from "./record.routes";
import { createRecordService } from "./record.service";

/** The record the pane shows, at the top: one statement reads every section it shows, and nothing else does. */
export function recordModule(db: Database) {
  const service = createRecordService(createRecordRepository(db));
  // `reader`: the lookup sends the one customer's record along, read exactly as the route reads it.
  return { routes: recordRoutes(service), reader: service };
}
