import type {
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerPage,
  CustomerSummary,
  CustomerUpdate,
} from "contract";
import { SEARCH_COUNT_LIMIT, orderRefusals } from "contract";
import type { Database } from "../../db/database";
import { classifyDbError } from "../../db/db-errors";
import { escapeLike } from "../../db/like-pattern";
import type { Prisma } from "../../generated/prisma/client";
import { AppError, staleVersion } from "../../shared/app-error";
import { USER_REF_SELECT } from "../../db/user-ref";
import { customerSearchText } from "./customer-search-text";

export interface CustomersRepository {
  /** A duplicate account number is a 409 naming body.accountNumber and the number. */
  create(input: CustomerCreate & { accountNumber: string }, typeIds: string[], userId: string): Promise<Customer>;
  update(id: string, input: CustomerUpdate, typeIds: string[] | undefined, userId: string): Promise<Customer | null>;
  findById(id: string): Promise<Customer | null>;
  exists(id: string): Promise<boolean>;
  /** Is this user one of the salesmen linked to this customer (the authorisation table's `linked`)? */
  isSalesmanOf(customerId: string, userId: string): Promise<boolean>;
  /** Account number, name or address containing the term, any case, within the query's filters. */
  search(term: string, query: CustomerListQuery, userId: string, dueBefore: Date): Promise<CustomerPage>;
  /** Filters by types, statuses, lifecycle state and the user's due reminders. */
  list(query: CustomerListQuery, userId: string, dueBefore: Date): Promise<CustomerPage>;
  statusCodes(): Promise<{ code: number; label: string }[]>;
}

const CUSTOMER_INCLUDE = {
  status: true,
  types: { include: { type: true }, orderBy: { type: { name: "asc" } } },
  // By name, as the pane lists them ("Alice Wagner, Ben Okafor"): the table itself has no order.
  salesmen: { include: { user: { select: USER_REF_SELECT } }, orderBy: [{ user: { name: "asc" } }, { userId: "asc" }] },
  domains: { orderBy: { domain: "asc" } },
  createdBy: { select: USER_REF_SELECT },
  modifiedBy: { select: USER_REF_SELECT },
} satisfies Prisma.CustomerInclude;

export type CustomerRow = Prisma.CustomerGetPayload<{ include: typeof CUSTOMER_INCLUDE }>;

const SUMMARY_INCLUDE = {
  status: true,
  types: { include: { type: true }, orderBy: { type: { name: "asc" } } },
} satisfies Prisma.CustomerInclude;
type SummaryRow = Prisma.CustomerGetPayload<{ include: typeof SUMMARY_INCLUDE }>;

export function toCustomerSummary(row: SummaryRow): CustomerSummary {
  return {
    id: row.id,
    accountNumber: row.accountNumber,
    name: row.name,
    status: { code: row.status.code, label: row.status.label },
    lifecycle: row.lifecycle,
    types: row.types.map((assignment) => assignment.type.name),
    city: row.city,
    country: row.country,
    phone: row.phone,
  };
}

export function toCustomer(row: CustomerRow): Customer {
  return {
    ...toCustomerSummary(row),
    address: {
      street: row.street,
      postalCode: row.postalCode,
      city: row.city,
      region: row.region,
      country: row.country,
    },
    website: row.website,
    emailDomains: row.domains.map((domain) => domain.domain),
    salesmen: row.salesmen.map((link) => link.user),
    canReceiveOrders: orderRefusals(row).length === 0,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    modifiedBy: row.modifiedBy,
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
  };
}

function scalarFields(input: Partial<CustomerCreate>) {
  return {
    ...(input.accountNumber !== undefined && { accountNumber: input.accountNumber }),
    ...(input.name !== undefined && { name: input.name }),
    ...(input.status !== undefined && { statusCode: input.status }),
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.website !== undefined && { website: input.website }),
    ...(input.address?.street !== undefined && { street: input.address.street }),
    ...(input.address?.postalCode !== undefined && { postalCode: input.address.postalCode }),
    ...(input.address?.city !== undefined && { city: input.address.city }),
    ...(input.address?.region !== undefined && { region: input.address.region }),
    ...(input.address?.country !== undefined && { country: input.address.country }),
  };
}

// Search is what people do all day: one statement for the page with the types folded in, and a
// count that stops at SEARCH_COUNT_LIMIT, so a broad term ("gmbh") costs no more than a page.
// Both stay unnamed, planned with each term: the best plan depends on it (the trigram index for
// a rare term, a walk in name order for a broad one), which a cached generic plan cannot follow.
// LIKE over the trigram-indexed searchText; the user's % and _ are matched literally. The ticked
// filters narrow it the way they narrow the list: types and statuses as JSON arrays (empty: any),
// lifecycle, mine and due reminders as nullable parameters.
const SEARCH_FILTERS = `c."searchText" LIKE $1
    AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM "CustomerSalesman" m WHERE m."customerId" = c.id AND m."userId" = $2::uuid))
    AND (jsonb_array_length($3::jsonb) = 0 OR EXISTS (SELECT 1 FROM "CustomerTypeAssignment" a JOIN "CustomerType" t ON t.id = a."typeId"
         WHERE a."customerId" = c.id AND t.name IN (SELECT jsonb_array_elements_text($3::jsonb))))
    AND (jsonb_array_length($4::jsonb) = 0 OR c."statusCode" IN (SELECT jsonb_array_elements_text($4::jsonb)::int))
    AND ($5::text IS NULL OR c.lifecycle::text = $5::text)
    AND ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM "Activity" x WHERE x."customerId" = c.id AND x."ownerId" = $6::uuid
         AND x.status::text = 'PLANNED' AND x."startsAt" < $7::timestamptz))`;

export const SEARCH = `
  SELECT c.id, c."accountNumber", c.name, c.lifecycle, c.city, c.country, c.phone, s.code AS status_code, s.label AS status_label,
         ARRAY(SELECT t.name FROM "CustomerTypeAssignment" a JOIN "CustomerType" t ON t.id = a."typeId"
               WHERE a."customerId" = c.id ORDER BY t.name) AS types
  FROM "Customer" c JOIN "CustomerStatus" s ON s.code = c."statusCode"
  WHERE ${SEARCH_FILTERS}
  ORDER BY c.name, c.id
  LIMIT $8 OFFSET $9`;

export const SEARCH_COUNT = `SELECT count(*)::int AS total FROM (SELECT 1 FROM "Customer" c WHERE ${SEARCH_FILTERS} LIMIT $8) matches`;

/** The values of SEARCH and SEARCH_COUNT, in their parameters' order. */
export function searchParameters(term: string, query: CustomerListQuery, userId: string, dueBefore: Date) {
  const filters = [
    containsPattern(term),
    query.mine === "true" ? userId : null,
    JSON.stringify(query.type),
    JSON.stringify(query.status),
    query.lifecycle ?? null,
    query.reminders === "due" ? userId : null,
    dueBefore.toISOString(),
  ];
  return { page: [...filters, query.limit, query.offset], count: [...filters, SEARCH_COUNT_LIMIT + 1] };
}

interface SearchRow {
  id: string;
  accountNumber: string;
  name: string;
  lifecycle: CustomerSummary["lifecycle"];
  city: string | null;
  country: string | null;
  phone: string | null;
  status_code: number;
  status_label: string;
  types: string[];
}

/** The database's unique violation on the account number, as a person would put it. */
const duplicateAccountNumber =
  (accountNumber: string | undefined) =>
  (error: unknown): never => {
    const dbError = classifyDbError(error);
    if (accountNumber !== undefined && dbError?.kind === "unique" && dbError.fields.includes("accountNumber")) {
      const message = `Another customer already has account number ${accountNumber}.`;
      throw new AppError("conflict", message, [{ field: "body.accountNumber", message }]);
    }
    throw error;
  };

export function containsPattern(term: string): string {
  return `%${escapeLike(term.toLowerCase())}%`;
}

export function createCustomersRepository(db: Database): CustomersRepository {
  const prisma = db.prisma;
  const findById = async (id: string) => {
    const row = await prisma.customer.findUnique({ where: { id }, include: CUSTOMER_INCLUDE });
    return row ? toCustomer(row) : null;
  };

  return {
    findById,

    async exists(id) {
      return (await prisma.customer.count({ where: { id } })) > 0;
    },

    async isSalesmanOf(customerId, userId) {
      return (await prisma.customerSalesman.count({ where: { customerId, userId } })) > 0;
    },

    async create(input, typeIds, userId) {
      const fields = scalarFields(input);
      const row = await prisma.customer
        .create({
          data: {
            accountNumber: input.accountNumber,
            name: input.name,
            statusCode: input.status,
            ...fields,
            searchText: customerSearchText({ ...fields, accountNumber: input.accountNumber, name: input.name }),
            createdById: userId,
            modifiedById: userId,
            types: { create: typeIds.map((typeId) => ({ typeId })) },
            domains: { create: [...new Set(input.emailDomains)].map((domain) => ({ domain })) },
            salesmen: {
              create: [...new Set(input.salesmanIds ?? [userId])].map((salesmanId) => ({ userId: salesmanId })),
            },
          },
          include: CUSTOMER_INCLUDE,
        })
        .catch(duplicateAccountNumber(input.accountNumber));
      return toCustomer(row);
    },

    async update(id, input, typeIds, userId) {
      return prisma
        .$transaction(async (tx) => {
          const current = await tx.customer.findUnique({ where: { id } });
          if (!current) return null;
          const fields = scalarFields(input);
          const merged = { ...current, ...fields };
          // The version in the WHERE clause makes the check and the write one atomic step.
          const { count } = await tx.customer.updateMany({
            where: { id, version: input.version },
            data: {
              ...fields,
              searchText: customerSearchText(merged),
              modifiedById: userId,
              modifiedAt: new Date(),
              version: { increment: 1 },
            },
          });
          if (count === 0) throw staleVersion("This customer");
          if (typeIds) {
            await tx.customerTypeAssignment.deleteMany({ where: { customerId: id } });
            await tx.customerTypeAssignment.createMany({ data: typeIds.map((typeId) => ({ customerId: id, typeId })) });
          }
          if (input.emailDomains) {
            await tx.customerDomain.deleteMany({ where: { customerId: id } });
            await tx.customerDomain.createMany({
              data: [...new Set(input.emailDomains)].map((domain) => ({ customerId: id, domain })),
            });
          }
          if (input.salesmanIds) {
            await tx.customerSalesman.deleteMany({ where: { customerId: id } });
            await tx.customerSalesman.createMany({
              data: [...new Set(input.salesmanIds)].map((salesmanId) => ({ customerId: id, userId: salesmanId })),
            });
          }
          const row = await tx.customer.findUniqueOrThrow({ where: { id }, include: CUSTOMER_INCLUDE });
          return toCustomer(row);
        })
        .catch(duplicateAccountNumber(input.accountNumber));
    },

    async search(term, query, userId, dueBefore) {
      const { limit, offset } = query;
      const { page, count } = searchParameters(term, query, userId, dueBefore);
      const [rows, [counted]] = await Promise.all([
        db.query<SearchRow>(SEARCH, page),
        db.query<{ total: number }>(SEARCH_COUNT, count),
      ]);
      const totalCapped = counted!.total > SEARCH_COUNT_LIMIT;
      const items = rows.map((row) => ({
        id: row.id,
        accountNumber: row.accountNumber,
        name: row.name,
        status: { code: row.status_code, label: row.status_label },
        lifecycle: row.lifecycle,
        types: row.types,
        city: row.city,
        country: row.country,
        phone: row.phone,
      }));
      return { items, total: Math.min(counted!.total, SEARCH_COUNT_LIMIT), totalCapped, limit, offset };
    },

    async list(query, userId, dueBefore) {
      const where: Prisma.CustomerWhereInput = {
        ...(query.type.length > 0 && { types: { some: { type: { name: { in: query.type } } } } }),
        ...(query.status.length > 0 && { statusCode: { in: query.status } }),
        ...(query.mine === "true" && { salesmen: { some: { userId } } }),
        ...(query.lifecycle && { lifecycle: query.lifecycle }),
        ...(query.reminders === "due" && {
          activities: { some: { ownerId: userId, status: "PLANNED", startsAt: { lt: dueBefore } } },
        }),
      };
      const [rows, total] = await Promise.all([
        prisma.customer.findMany({
          where,
          include: SUMMARY_INCLUDE,
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: query.limit,
          skip: query.offset,
        }),
        prisma.customer.count({ where }),
      ]);
      return { items: rows.map(toCustomerSummary), total, limit: query.limit, offset: query.offset };
    },

    async statusCodes() {
      return prisma.customerStatus.findMany({ orderBy: { code: "asc" } });
    },
  };
}
