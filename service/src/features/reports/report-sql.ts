// Building blocks of the report queries: positional parameters and the customer filters every
// report shares. Arrays travel as PostgreSQL array literals, which both drivers (pg, PGlite) pass
// alike; only ids, numbers and enum names go into them, never free text.

/** Collects parameters and hands out their $n placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** An array of uuids, ints or enum names, cast to `type`[]. */
  array(values: (string | number)[], type: string): string {
    return `${this.add(`{${values.join(",")}}`)}::${type}[]`;
  }
  instant(value: Date): string {
    return `${this.add(value.toISOString())}::timestamptz`;
  }
}

/** The customer filters, resolved: type ids, status codes, a salesman's id, lifecycle states. */
export interface CustomerScope {
  typeIds: string[];
  statusCodes: number[];
  salesmanId: string | null;
  lifecycles: string[];
}

/** WHERE conditions on the customer aliased `c` (false for a row without customer, e.g. a LEFT JOIN miss). */
export function customerConditions(scope: CustomerScope, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (scope.typeIds.length > 0)
    conditions.push(
      `EXISTS (SELECT 1 FROM "CustomerTypeAssignment" a WHERE a."customerId" = c.id AND a."typeId" = ANY(${params.array(scope.typeIds, "uuid")}))`,
    );
  if (scope.statusCodes.length > 0) conditions.push(`c."statusCode" = ANY(${params.array(scope.statusCodes, "int")})`);
  if (scope.salesmanId)
    conditions.push(
      `EXISTS (SELECT 1 FROM "CustomerSalesman" m WHERE m."customerId" = c.id AND m."userId" = ${params.add(scope.salesmanId)}::uuid)`,
    );
  if (scope.lifecycles.length > 0)
    conditions.push(`c.lifecycle::text = ANY(${params.array(scope.lifecycles, "text")})`);
  return conditions;
}

export const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "");

/** The customer's types and salesmen by name, folded into its row. */
export const CUSTOMER_NAMES_COLUMNS = `
  ARRAY(SELECT t.name FROM "CustomerTypeAssignment" a JOIN "CustomerType" t ON t.id = a."typeId"
        WHERE a."customerId" = c.id ORDER BY t.name) AS types,
  ARRAY(SELECT u.name FROM "CustomerSalesman" m JOIN "User" u ON u.id = m."userId"
        WHERE m."customerId" = c.id ORDER BY u.name) AS salesmen`;

/** Start of the customer's latest finished activity (served by the customerId, status, startsAt index). */
export const LAST_ACTIVITY = `(SELECT max(x."startsAt") FROM "Activity" x WHERE x."customerId" = c.id AND x.status = 'FINISHED')`;
