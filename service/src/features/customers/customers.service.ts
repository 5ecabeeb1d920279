import type { Customer, CustomerCreate, CustomerListQuery, CustomerPage, CustomerUpdate } from "../../../../contract";
import { AppError, notFound } from "../../shared/app-error";
import type { TypesRepository } from "../types/types.repository";
import type { UsersRepository } from "../users/users.repository";
import type { CustomersRepository } from "./customers.repository";

export interface CustomersService {
  create(input: CustomerCreate, userId: string): Promise<Customer>;
  update(id: string, input: CustomerUpdate, userId: string): Promise<Customer>;
  get(id: string): Promise<Customer>;
  list(query: CustomerListQuery, userId: string, dueBefore: Date): Promise<CustomerPage>;
}

export function createCustomersService(
  customers: CustomersRepository,
  types: TypesRepository,
  users: UsersRepository,
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

  return {
    async create(input, userId) {
      const typeIds = (await resolveReferences(input)) ?? [];
      return customers.create(input, typeIds, userId);
    },
    async update(id, input, userId) {
      const typeIds = await resolveReferences(input);
      return (await customers.update(id, input, typeIds, userId)) ?? Promise.reject(notFound("customer", id));
    },
    async get(id) {
      return (await customers.findById(id)) ?? Promise.reject(notFound("customer", id));
    },
    // A search ignores the other filters (the user is looking for one company) but "mine", a scope.
    list: (query, userId, dueBefore) =>
      query.search
        ? customers.search(query.search, query.limit, query.offset, query.mine === "true" ? userId : null)
        : customers.list(query, userId, dueBefore),
  };
}
