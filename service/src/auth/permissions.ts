import { PERMISSIONS, type Permission, type RelationFacts, allows, whoMay } from "contract";
import { AppError } from "../shared/app-error";
import type { Access, Actor, RecordRelations } from "../shared/ports/access.port";

// The rules live in one table in the contract (contract/authorization.contract.ts); this module is
// how the services apply it. Routes only name the permission they need, for OpenAPI and the tests.
export type { Permission };

/** The table's answer for this user, given what they are to the record (nothing: by role alone). */
export function can(user: Pick<Actor, "role">, permission: Permission, facts: RelationFacts = {}): boolean {
  return allows(user.role, permission, facts);
}

/** Throws 403 naming who may, unless the table allows it; `field` names the input that asked for it. */
export function requirePermission(
  user: Pick<Actor, "role">,
  permission: Permission,
  facts: RelationFacts = {},
  field?: string,
): void {
  if (can(user, permission, facts)) return;
  const message = refusal(user, permission);
  throw new AppError("forbidden", message, field ? [{ field, message }] : undefined);
}

function refusal(user: Pick<Actor, "role">, permission: Permission): string {
  const rule: { does: string; owner?: string } = PERMISSIONS[permission];
  const grants = PERMISSIONS[permission].grants[user.role];
  const who = `only ${whoMay(permission)} may`;
  if (grants.length === 0) return `Your role (${user.role.toLowerCase()}) may not ${rule.does} (${permission}): ${who}`;
  const missing = grants.map((relation) =>
    relation === "owner" ? (rule.owner ?? "its owner") : "linked to this customer",
  );
  const youAreNot = missing.length === 1 ? `not ${missing[0]}` : `neither ${missing.join(" nor ")}`;
  return `You are ${youAreNot}, so you may not ${rule.does} (${permission}): ${who}`;
}

/** The one question the table asks of the data: is this user a salesman linked to this customer? */
export interface LinkedSalesmen {
  isSalesmanOf(customerId: string, userId: string): Promise<boolean>;
}

export function createAccess(salesmen: LinkedSalesmen): Access {
  async function factsFor(user: Actor, permission: Permission, record: RecordRelations): Promise<RelationFacts> {
    const grants = PERMISSIONS[permission].grants[user.role];
    if (grants.includes("anyone")) return {};
    const owner = grants.includes("owner") && !!record.ownerId && record.ownerId === user.id;
    // The database is asked only when the role's grant depends on the link and the owner did not settle it.
    const linked =
      !owner && grants.includes("linked") && !!record.customerId
        ? await salesmen.isSalesmanOf(record.customerId, user.id)
        : false;
    return { owner, linked };
  }
  const may = async (user: Actor, permission: Permission, record: RecordRelations = {}) =>
    can(user, permission, await factsFor(user, permission, record));
  return {
    may,
    async require(user, permission, record = {}) {
      requirePermission(user, permission, await factsFor(user, permission, record));
    },
  };
}
