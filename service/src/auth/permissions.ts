import type { Role } from "../../../contract";
import { forbidden } from "../shared/app-error";
import type { CurrentUser } from "./current-user";

// Reading is open to every signed-in user: the CRM is the whole organisation's memory.
// Writing the shared record is every role's job; curating reference data and acting on other
// people's activities and notes is for managers and admins.
const GRANTS = {
  "record:write": ["SALESMAN", "MANAGER", "ADMIN"],
  "types:manage": ["MANAGER", "ADMIN"],
  "templates:manage": ["MANAGER", "ADMIN"],
  "others-items:manage": ["MANAGER", "ADMIN"],
  // Approving or declining a released customer is the accounts department's call.
  "customers:approve": ["MANAGER", "ADMIN"],
  // Profiling question sets shape what every customer is asked: one owner, the admin.
  "profiling:manage": ["ADMIN"],
  // A special price is a commercial agreement: sales staff apply it on quotes, managers set it.
  "prices:manage": ["MANAGER", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(user: Pick<CurrentUser, "role">, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(user.role);
}

export function requirePermission(user: Pick<CurrentUser, "role">, permission: Permission): void {
  if (!can(user, permission)) throw forbidden(`Your role (${user.role.toLowerCase()}) may not do this: ${permission}`);
}

/** Owners may change their own items; managers and admins anyone's. */
export function requireOwnerOr(user: CurrentUser, ownerId: string, what: string): void {
  if (ownerId !== user.id && !can(user, "others-items:manage"))
    throw forbidden(`Only its owner, a manager or an admin may change this ${what}`);
}
