export { RecordView } from "./record-view";
export { preloadRecordExtras } from "./record-extras-chunk";
