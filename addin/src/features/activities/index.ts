export { ActivitiesSection } from "./activities-section";
export { ColdCallForm } from "./cold-call-form";
export { NewActivityForm } from "./new-activity-form";
