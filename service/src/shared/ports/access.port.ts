import type { Permission, Role } from "contract";

// "May this user touch it?": the authorisation table's question, as features ask it. auth/permissions.ts
// answers it from the table (createAccess); features receive it from the composition root.

/** Who asks: the caller as far as the table cares. */
export interface Actor {
  id: string;
  role: Role;
}

/** What a record is to its users: whose it is, and the customer whose salesmen it concerns. */
export interface RecordRelations {
  ownerId?: string | null;
  customerId?: string | null;
}

export interface Access {
  /** 403 unless the table allows the user this permission on this record; looks up only what it needs. */
  require(user: Actor, permission: Permission, record?: RecordRelations): Promise<void>;
  /** The same answer as a boolean (for "may the caller do this" hints). */
  may(user: Actor, permission: Permission, record?: RecordRelations): Promise<boolean>;
}
