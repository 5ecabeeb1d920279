import { recordRoutes } from "./record.routes";
import { type RecordSources, createRecordService } from "./record.service";

/** The record the pane shows, at the top: it reads what each feature offers it, and nothing else does. */
export function recordModule(sources: RecordSources) {
  return { routes: recordRoutes(createRecordService(sources)) };
}
