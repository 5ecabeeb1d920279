import type { Role } from "contract";

/** The caller, as the auth middleware resolved it from the token and the users table. */
export interface CurrentUser {
  id: string;
  oid: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
}

/** What a verified token says about its bearer. */
export interface TokenIdentity {
  oid: string;
  tenantId: string | null;
  email: string;
  name: string;
  role: Role;
}
