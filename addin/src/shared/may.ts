import { type Me, type Permission, allows } from "contract";

/**
 * The authorisation table's answer for the signed-in user (contract/authorization.contract.ts): the
 * pane offers only what it allows. The service decides; this only spares the user a refused click.
 */
export function may(
  me: Pick<Me, "id" | "role">,
  permission: Permission,
  record: { ownerId?: string | null; salesmen?: readonly { id: string }[] } = {},
): boolean {
  return allows(me.role, permission, {
    owner: !!record.ownerId && record.ownerId === me.id,
    linked: record.salesmen?.some((salesman) => salesman.id === me.id) ?? false,
  });
}
