export { EmailView } from "./email-view";
