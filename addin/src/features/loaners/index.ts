export { LoanerOrderFields } from "./loaner-order-fields";
export { LoanerReturnForm } from "./loaner-return-form";
export { LoanerSummary } from "./loaner-badges";
export { OpenLoanersSection } from "./open-loaners-section";
