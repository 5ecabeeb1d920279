export { EmailLogSection } from "./email-log-section";
export { LogEmailButton } from "./log-email-button";
export { LogWhenSentSwitch } from "./log-when-sent-switch";
export { TrackConversation } from "./track-conversation";
export { LogSelectedEmails } from "./log-selected-emails";
export { NeverLogRules } from "./never-log-rules";
