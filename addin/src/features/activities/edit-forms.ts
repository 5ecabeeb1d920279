// The forms an activity's or a series' buttons open (activity-item.tsx, series-panel.tsx): a chunk
// of their own, with the fields and checks they bring, fetched once the activities are drawn
// (shared/preloadable.ts).
export { ActivityForm } from "./activity-form";
export { FinishActivityForm } from "./finish-activity-form";
export { OccurrenceForm } from "./occurrence-form";
export { SeriesForm } from "./series-form";
