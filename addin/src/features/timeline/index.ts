export { TimelineTab } from "./timeline-tab";
