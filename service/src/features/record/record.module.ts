import { recordRoutes } from "./record.routes";
import { type RecordSources, createRecordService } from "./record.service";

/** The record the pane shows, at the top: it reads what each feature offers it, and nothing else does. */
export function recordModule(sources: RecordSources) {
  const service = createRecordService(sources);
  // `reader`: the lookup sends the one customer's record along, read exactly as the route reads it.
  return { routes: recordRoutes(service), reader: service };
}
