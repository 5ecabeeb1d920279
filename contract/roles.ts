// The roles, apart from their zod schema (me.contract.ts): the pane's permission checks
// (authorization.contract.ts) run in its first download, which carries no zod.
export const ROLES = ["SALESMAN", "MANAGER", "ADMIN"] as const;
