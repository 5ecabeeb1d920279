export { EmailView } from "./email-view";
export { startFirstLookup } from "./first-lookup";
