export { DeclineNotice } from "./decline-notice";
export { LifecycleActions } from "./lifecycle-actions";
