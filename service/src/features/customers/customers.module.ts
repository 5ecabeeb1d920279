import type { LinkedSalesmen } from "../../auth/permissions";
import type { Database } from "../../db/database";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { UserDirectory } from "../../shared/ports/user-directory.port";
import { type AccountNumberFormat, createAccountNumbers } from "./account-numbers";
import { createCustomerAccess } from "./customer-access";
import { createCustomersRepository } from "./customers.repository";
import { customersRoutes } from "./customers.routes";
import { type TypeIds, createCustomersService } from "./customers.service";

/**
 * Customers: offers the CustomerAccess port every feature on a customer uses, and the authorisation
 * table's one question of the data (is the caller linked to the customer?).
 */
export function customersModule(
  db: Database,
  needs: { types: TypeIds; users: UserDirectory; accountNumberFormat: AccountNumberFormat },
) {
  const customers = createCustomersRepository(db);
  const access: CustomerAccess = createCustomerAccess(customers);
  const salesmen: LinkedSalesmen = customers;
  const service = createCustomersService(
    customers,
    needs.types,
    needs.users,
    createAccountNumbers(db, needs.accountNumberFormat),
  );
  return { routes: customersRoutes(service), access, salesmen };
}
