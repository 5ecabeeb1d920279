import type { Customer } from "contract";

/**
 * What other features ask of customers, instead of reaching into their repository: does this one
 * exist, and how does it stand. features/customers implements it (customer-access.ts); app.ts hands it on.
 */
export interface CustomerAccess {
  /** 404 unless the customer exists; `field` names the input that referred to it. */
  require(customerId: string, field?: string): Promise<void>;
  /** The customer as the contract shows it (404 unless it exists), for features that answer with it. */
  get(customerId: string): Promise<Customer>;
}
