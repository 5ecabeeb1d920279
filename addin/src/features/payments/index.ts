export { PaymentsSection } from "./payments-section";
