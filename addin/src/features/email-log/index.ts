export { EmailLogSection } from "./email-log-section";
export { LogEmailButton } from "./log-email-button";
