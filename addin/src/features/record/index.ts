export { RecordView } from "./record-view";
