import type { Role } from "./me.contract";
import { ROLES } from "./roles";

/**
 * The one authorisation table: for each action, which relation to the record each role needs.
 * Reading is open to every signed-in user (the CRM is the whole organisation's memory); this table
 * governs every write. The service enforces it (service/src/auth/permissions.ts reads it), the
 * README and the OpenAPI document print it, and the pane takes its hints from it.
 *
 * Relations:
 * - `owner`: the record's owner field (activity, opportunity, incident, action), its creator
 *   (quote, order), its author (note, comment) or its uploader (file), as `owner` names it;
 * - `linked`: a salesman linked to the record's customer;
 * - `anyone`: no relation needed.
 */
export const RELATIONS = ["owner", "linked", "anyone"] as const;
export type Relation = (typeof RELATIONS)[number];

export type Grants = Readonly<Record<Role, readonly Relation[]>>;

export interface PermissionRule {
  /** The end of "… may …", in the imperative: "change an opportunity". */
  does: string;
  /** Who `owner` is for this record, when a grant names it. */
  owner?: string;
  grants: Grants;
}

const EVERYONE: Grants = { SALESMAN: ["anyone"], MANAGER: ["anyone"], ADMIN: ["anyone"] };
const MANAGERS: Grants = { SALESMAN: [], MANAGER: ["anyone"], ADMIN: ["anyone"] };
const ADMINS: Grants = { SALESMAN: [], MANAGER: [], ADMIN: ["anyone"] };
const OWNER_OR_MANAGERS: Grants = { SALESMAN: ["owner"], MANAGER: ["anyone"], ADMIN: ["anyone"] };
const LINKED_OR_MANAGERS: Grants = { SALESMAN: ["linked"], MANAGER: ["anyone"], ADMIN: ["anyone"] };
// Sales work on a customer belongs to its account team: the owner, the customer's salesmen, their managers.
const ACCOUNT_TEAM: Grants = { SALESMAN: ["owner", "linked"], MANAGER: ["anyone"], ADMIN: ["anyone"] };

export const PERMISSIONS = {
  "customers:create": { does: "create a customer (status 1 needs customers:status-1)", grants: EVERYONE },
  "customers:change": {
    does: "change a customer's name, address, phone, website, types and e-mail domains",
    grants: EVERYONE,
  },
  // Account numbers come from a sequence; one chosen by hand is the accounts department's call.
  "customers:account-number": {
    does: "give a new customer its account number, or change one",
    grants: MANAGERS,
  },
  // Status 1 decides who may receive quotes and orders: the accounts department's call.
  "customers:status-1": {
    does: "give or take status 1 (create a customer with status 1, or change a status to or from 1)",
    grants: MANAGERS,
  },
  // A salesman not linked to a customer may not claim it (and then release it): someone on its team links him.
  "customers:salesmen": { does: "change the salesmen linked to a customer", grants: LINKED_OR_MANAGERS },
  "customers:release": { does: "release a customer (NEW → RELEASED)", grants: LINKED_OR_MANAGERS },
  "customers:approve": { does: "approve or decline a released customer", grants: MANAGERS },
  "contacts:write": { does: "create, change or move a contact", grants: EVERYONE },
  "consent:record": { does: "record a contact's marketing consent", grants: EVERYONE },
  "third-parties:write": { does: "add, change or remove a customer's third parties", grants: EVERYONE },
  "ship-to:write": { does: "add, change or remove a customer's ship-to addresses", grants: EVERYONE },
  "activities:create": { does: "plan or record an activity (a cold call too)", grants: EVERYONE },
  "activities:change": {
    does: "reschedule, finish, cancel, reopen or edit an activity",
    owner: "its owner",
    grants: OWNER_OR_MANAGERS,
  },
  "notes:create": { does: "add a note", grants: EVERYONE },
  "notes:change": { does: "edit or delete a note", owner: "its author", grants: OWNER_OR_MANAGERS },
  "comments:create": { does: "comment on a customer", grants: EVERYONE },
  "comments:change": { does: "edit, pin or delete a comment", owner: "its author", grants: OWNER_OR_MANAGERS },
  "email-log:write": { does: "log an e-mail", grants: EVERYONE },
  "attachments:upload": {
    does: "attach a file to a customer, an activity, a note or a logged e-mail",
    grants: EVERYONE,
  },
  "attachments:delete": { does: "delete a file", owner: "its uploader", grants: OWNER_OR_MANAGERS },
  "opportunities:create": { does: "add an opportunity", grants: EVERYONE },
  "opportunities:change": { does: "change an opportunity", owner: "its owner", grants: ACCOUNT_TEAM },
  "incidents:create": { does: "add an incident", grants: EVERYONE },
  "incidents:change": { does: "change an incident", owner: "its owner", grants: ACCOUNT_TEAM },
  "actions:create": { does: "add an action", grants: EVERYONE },
  "actions:change": { does: "change an action", owner: "its owner", grants: OWNER_OR_MANAGERS },
  "quotes:create": { does: "make a quote", grants: EVERYONE },
  "quotes:change": { does: "change, cancel or convert a quote", owner: "its creator", grants: ACCOUNT_TEAM },
  "orders:create": { does: "enter a sales order", grants: EVERYONE },
  "orders:change": { does: "change, close or cancel a sales order", owner: "its creator", grants: ACCOUNT_TEAM },
  // A special price is a commercial agreement: sales staff apply it on quotes, managers set it.
  "prices:manage": { does: "agree, change or remove special prices", grants: MANAGERS },
  // The item master decides what every line may sell: managers keep it.
  "items:manage": { does: "add items to the item master, change or retire them", grants: MANAGERS },
  // A customer's own item codes are the account team's working knowledge of that customer.
  "cross-references:write": {
    does: "add, change or remove a customer's item cross-references",
    grants: LINKED_OR_MANAGERS,
  },
  // An imported file becomes an order in one go: someone on the customer's team, or a manager, does it.
  "orders:import": { does: "import a sales order from a customer's file", grants: LINKED_OR_MANAGERS },
  "payments:propose": { does: "propose an agreement for payments to a customer", grants: EVERYONE },
  // Money leaving the company: a manager's call; payments then stay within what was approved.
  "payments:approve": { does: "approve or reject a payment agreement", grants: MANAGERS },
  "payments:record": { does: "record a payment against an approved agreement", grants: EVERYONE },
  "profiling:answer": { does: "answer a customer's profiling questions", grants: EVERYONE },
  // Question sets shape what every customer is asked: one owner, the admin.
  "profiling:manage": { does: "define profiling question sets and list archived ones", grants: ADMINS },
  "types:manage": { does: "add or rename customer types", grants: MANAGERS },
  "templates:manage": { does: "add or change activity templates", grants: MANAGERS },
  "me:change": { does: "set their own time zone", grants: EVERYONE },
  "sync:run": { does: "sync their own Outlook calendar now", grants: EVERYONE },
  "tracking:stop": { does: "stop tracking a conversation", owner: "the user who tracks it", grants: OWNER_OR_MANAGERS },
  "never-log:own": { does: "keep an address or domain out of their own automatic logging", grants: EVERYONE },
  "never-log:drop": {
    does: "drop a never-log rule kept for one user",
    owner: "the user the rule is for",
    grants: OWNER_OR_MANAGERS,
  },
  // Keeps mail out of everyone's automatic logging (a law firm, a works council): the admin's call.
  "never-log:organization": {
    does: "keep an address or domain out of everyone's automatic logging, or drop such a rule",
    grants: ADMINS,
  },
  // Who syncs how well (errors, sign-in needed) is operations' business; each user sees their own in the pane.
  "sync:health": { does: "see every user's Outlook sync health", grants: ADMINS },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** What the caller is to the record: its owner, a salesman linked to its customer. */
export interface RelationFacts {
  owner?: boolean;
  linked?: boolean;
}

const ruleOf = (permission: Permission): PermissionRule => PERMISSIONS[permission];

export function grantsOf(role: Role, permission: Permission): readonly Relation[] {
  return ruleOf(permission).grants[role];
}

/** The table's answer: may a user of this role, standing in this relation to the record, do it? */
export function allows(role: Role, permission: Permission, facts: RelationFacts = {}): boolean {
  return grantsOf(role, permission).some(
    (relation) =>
      relation === "anyone" || (relation === "owner" && !!facts.owner) || (relation === "linked" && !!facts.linked),
  );
}

/** True when some role is refused in some relation (the route can answer 403). */
export function isRestricted(permission: Permission): boolean {
  return ROLES.some((role) => !grantsOf(role, permission).includes("anyone"));
}

const ROLE_NOUN: Record<Role, string> = { SALESMAN: "a salesman", MANAGER: "a manager", ADMIN: "an admin" };

/** "its owner, a salesman linked to the customer, a manager or an admin"; "every signed-in user". */
export function whoMay(permission: Permission): string {
  const rule = ruleOf(permission);
  if (!isRestricted(permission)) return "every signed-in user";
  const phrases = new Set<string>();
  for (const role of ROLES)
    for (const relation of rule.grants[role])
      phrases.add(
        relation === "anyone"
          ? ROLE_NOUN[role]
          : relation === "owner"
            ? (rule.owner ?? "its owner")
            : `${ROLE_NOUN[role]} linked to the customer`,
      );
  const list = [...phrases];
  return list.length <= 1 ? (list[0] ?? "nobody") : `${list.slice(0, -1).join(", ")} or ${list.at(-1)}`;
}

/** "only its owner, … may change an opportunity"; "every signed-in user may add a note". */
export function permissionClause(permission: Permission): string {
  const who = whoMay(permission);
  return `${isRestricted(permission) ? `only ${who}` : who} may ${ruleOf(permission).does}`;
}

const cell = (relations: readonly Relation[]) => (relations.length ? relations.join(", ") : "—");

/** The table as Markdown, as the README prints it (a test keeps the README's copy equal to this). */
export function permissionsMarkdown(): string {
  const header = ["permission", "what", "owner is", ...ROLES.map((role) => role.toLowerCase())];
  const rows = PERMISSION_NAMES.map((permission) => {
    const rule = ruleOf(permission);
    return [`\`${permission}\``, rule.does, rule.owner ?? "", ...ROLES.map((role) => cell(rule.grants[role]))];
  });
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}
