// What a record draws below its first screen, or only for some users or after a click: the
// Overview's sections, the customer's editors and the lifecycle's actions. One chunk, out of the
// pane's first download; fetched once the first record is drawn and the browser is idle (RecordView
// shows the Overview's skeleton until then, a moment).
export { OverviewTab } from "./overview-tab";
export { CustomerEditor, SalesmenEditor } from "../customers";
export { LifecycleActions } from "../lifecycle";
