import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import { notFound } from "../../shared/app-error";
import type { CustomersRepository } from "./customers.repository";

/** The customers' side of the CustomerAccess port, over their repository. */
export function createCustomerAccess(customers: Pick<CustomersRepository, "exists" | "findById">): CustomerAccess {
  return {
    async require(customerId, field) {
      if (!(await customers.exists(customerId))) throw notFound("customer", customerId, field);
    },
    async get(customerId) {
      return (await customers.findById(customerId)) ?? Promise.reject(notFound("customer", customerId));
    },
  };
}
