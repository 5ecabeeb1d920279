export { CapabilityNotice } from "./capability-notice";
