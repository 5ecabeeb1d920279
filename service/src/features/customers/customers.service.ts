import type { Customer, CustomerCreate, CustomerListQuery, CustomerPage, CustomerUpdate } from "contract";
import { ACTUAL_CUSTOMER_STATUS } from "contract";
import { dayInZone, nextDay, startOfDayInZone } from "contract/zoned-time";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { AppError, notFound } from "../../shared/app-error";
import type { UserDirectory } from "../../shared/ports/user-directory.port";
import type { AccountNumbers } from "./account-numbers";
import type { CustomersRepository } from "./customers.repository";

export interface CustomersService {
  create(input: CustomerCreate, user: CurrentUser): Promise<Customer>;
  update(id: string, input: CustomerUpdate, user: CurrentUser): Promise<Customer>;
  /** The complete set of linked salesmen (customers:salesmen, even when the set stays the same). */
  setSalesmen(id: string, input: { version: number; salesmanIds: string[] }, user: CurrentUser): Promise<Customer>;
  get(id: string): Promise<Customer>;
  /** A search, or the filters; "due" reminders are due by the end of the caller's today. */
  list(query: CustomerListQuery, user: CurrentUser, now?: Date): Promise<CustomerPage>;
  statusCodes(): Promise<{ code: number; label: string }[]>;
}

/** What a customer body asks of the types feature: the ids of these type names (undefined where unknown). */
export interface TypeIds {
  idsByName(names: string[]): Promise<(string | undefined)[]>;
}

const isDuplicateAccountNumber = (error: unknown) =>
  error instanceof AppError && error.code === "conflict" && error.details?.[0]?.field === "body.accountNumber";

export function createCustomersService(
  customers: CustomersRepository,
  types: TypeIds,
  users: UserDirectory,
  accountNumbers: AccountNumbers,
): CustomersService {
  /** Checks the references a customer body makes, naming the first field that is off. */
  async function resolveReferences(input: Partial<CustomerCreate>): Promise<string[] | undefined> {
    if (input.status !== undefined) {
      const codes = await customers.statusCodes();
      if (!codes.some((status) => status.code === input.status))
        throw new AppError(
          "bad_request",
          `body.status: ${input.status} is not a status code; known: ${codes.map((s) => `${s.code} ${s.label}`).join(", ")}`,
          [{ field: "body.status", message: `unknown status code ${input.status}` }],
        );
    }
    if (input.salesmanIds?.length) {
      const known = new Set(await users.existingIds(input.salesmanIds));
      const index = input.salesmanIds.findIndex((id) => !known.has(id));
      if (index >= 0)
        throw new AppError("bad_request", `body.salesmanIds.${index}: no user ${input.salesmanIds[index]}`, [
          { field: `body.salesmanIds.${index}`, message: "no user with this id" },
        ]);
    }
    if (!input.types) return undefined;
    const ids = await types.idsByName(input.types);
    const index = ids.findIndex((id) => id === undefined);
    if (index >= 0)
      throw new AppError(
        "bad_request",
        `body.types.${index}: "${input.types[index]}" is not a customer type; a manager can add it`,
        [{ field: `body.types.${index}`, message: "unknown customer type" }],
      );
    return [...new Set(ids as string[])];
  }

  const get = async (id: string) => (await customers.findById(id)) ?? Promise.reject(notFound("customer", id));
  const isActual = (status: number) => status === ACTUAL_CUSTOMER_STATUS;

  /**
   * What a change asks of the authorisation table beyond customers:change (open to everyone): giving
   * or taking status 1 needs customers:status-1, another set of salesmen customers:salesmen. The write
   * is conditional on the version this was checked against, so a change in between is a 409, not a bypass.
   */
  function authorizeUpdate(current: Customer, input: CustomerUpdate, user: CurrentUser, salesmenAlways = false) {
    if (input.status !== undefined && isActual(input.status) !== isActual(current.status.code))
      requirePermission(user, "customers:status-1", {}, "body.status");
    if (input.accountNumber !== undefined && input.accountNumber !== current.accountNumber)
      requirePermission(user, "customers:account-number", {}, "body.accountNumber");
    const linked = current.salesmen.map((salesman) => salesman.id);
    const wanted = new Set(input.salesmanIds ?? linked);
    if (salesmenAlways || wanted.size !== linked.length || linked.some((id) => !wanted.has(id)))
      requirePermission(user, "customers:salesmen", { linked: linked.includes(user.id) }, "body.salesmanIds");
  }

  async function update(id: string, input: CustomerUpdate, user: CurrentUser, salesmenAlways = false) {
    const current = await get(id);
    // Input first (400 naming the field), then the table (403): everyone may read what is referenced.
    const typeIds = await resolveReferences(input);
    authorizeUpdate(current, input, user, salesmenAlways);
    return (await customers.update(id, input, typeIds, user.id)) ?? Promise.reject(notFound("customer", id));
  }

  return {
    async create(input, user) {
      const typeIds = (await resolveReferences(input)) ?? [];
      if (isActual(input.status)) requirePermission(user, "customers:status-1", {}, "body.status");
      if (input.accountNumber !== undefined) {
        requirePermission(user, "customers:account-number", {}, "body.accountNumber");
        return customers.create({ ...input, accountNumber: input.accountNumber }, typeIds, user.id);
      }
      // The sequence skips numbers taken when it draws; a manager typing the same number in between
      // makes the insert a duplicate, and the next draw is free.
      for (let attempt = 1; ; attempt++) {
        const accountNumber = await accountNumbers.next();
        try {
          return await customers.create({ ...input, accountNumber }, typeIds, user.id);
        } catch (error) {
          if (attempt >= 3 || !isDuplicateAccountNumber(error)) throw error;
        }
      }
    },
    update: (id, input, user) => update(id, input, user),
    setSalesmen: (id, input, user) => update(id, input, user, true),
    get,
    async list(query, user, now = new Date()) {
      // "Due" means planned to start before the end of today, in the caller's time zone.
      const dueBefore = startOfDayInZone(nextDay(dayInZone(now, user.timeZone)), user.timeZone);
      // A search honours every ticked filter: "Berlin" among my distributors is what was asked.
      if (query.search) return customers.search(query.search, query, user.id, dueBefore);
      return customers.list(query, user.id, dueBefore);
    },
    statusCodes: () => customers.statusCodes(),
  };
}
