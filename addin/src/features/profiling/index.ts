export { ProfilingTab } from "./profiling-tab";
