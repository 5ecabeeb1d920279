export { LifecycleActions } from "./lifecycle-actions";
