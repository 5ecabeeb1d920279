// What a record draws below its first screen, or only for some users or after a click: the
// Overview's sections, the customer's editors and the lifecycle's actions. One chunk, out of the
// pane's first download; preloadRecordExtras() fetches it while sign-in and the lookup are under way,
// so it is there by the time the record is drawn.
export { OverviewTab } from "./overview-tab";
export { CustomerEditor, SalesmenEditor } from "../customers";
export { LifecycleActions } from "../lifecycle";
