// Apart from the customer schemas (customers.contract.ts): the pane's record header marks every
// other status in red in its first download, which carries no zod.
/** Status 1 is an actual customer, the only status that may receive quotes and orders. */
export const ACTUAL_CUSTOMER_STATUS = 1;
