import type { Access } from "./access.port";
import type { ContactAccess } from "./contact-access.port";
import type { CustomerAccess } from "./customer-access.port";
import type { UserDirectory } from "./user-directory.port";

/**
 * The narrow ports features reach one another through, as the composition root (app.ts) hands them
 * out; each feature's module takes the ones it uses. A need only one feature has is an interface in
 * that feature (e.g. the special prices quotes ask for), met in app.ts.
 */
export interface Ports {
  customers: CustomerAccess;
  contacts: ContactAccess;
  users: UserDirectory;
  access: Access;
}
