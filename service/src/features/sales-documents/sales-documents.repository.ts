import type { DocumentTotals, LifecycleState, OrderType, Quote, SalesLine, SalesOrder } from "contract";
import { classifyDbError } from "../../db/db-errors";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import type { ImportSource } from "../../shared/ports/order-intake.port";
import { dayFromDate } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../../db/user-ref";

/** Priced lines and totals as the service computed them (decimal strings). */
export interface PricedDocument {
  lines: Omit<SalesLine, "position">[];
  totals: DocumentTotals;
}

export interface DocumentHeader {
  contactId: string | null;
  title: string | null;
  currency: string;
}

/** An order's header beyond a quote's: its type and, for a loaner, the due-back day. */
export interface OrderHeader extends DocumentHeader {
  type: OrderType;
  dueBackOn: Date | null;
}

/** What an update changes; only the fields given. A quote may be cancelled, an order closed or cancelled. */
export interface DocumentChanges<S extends string = "CANCELLED" | "CLOSED"> {
  contactId?: string | null;
  title?: string | null;
  validUntil?: Date | null;
  /** Orders only: an open loaner's new due-back day. */
  dueBackOn?: Date;
  priced?: PricedDocument;
  status?: S;
}

/** What decides whether a customer may receive quotes and orders, read under a row lock. */
export interface CustomerStanding {
  statusCode: number;
  lifecycle: LifecycleState;
}
/** The service's rule, run inside the writing transaction; it throws to refuse. */
export type StandingGuard = (customer: CustomerStanding) => void;

export interface SalesDocumentsRepository {
  createQuote(
    customerId: string,
    header: DocumentHeader & { validUntil: Date | null },
    priced: PricedDocument,
    userId: string,
    guard: StandingGuard,
  ): Promise<Quote>;
  updateQuote(
    id: string,
    version: number,
    changes: DocumentChanges<"CANCELLED">,
    guard: StandingGuard | null,
  ): Promise<Quote>;
  findQuote(id: string): Promise<Quote | null>;
  listQuotes(customerId: string): Promise<Quote[]>;
  /** Copies an OPEN quote at the given version into a new order and marks it CONVERTED, atomically. */
  convertQuote(id: string, version: number, userId: string, guard: StandingGuard): Promise<SalesOrder>;
  createOrder(
    customerId: string,
    header: OrderHeader,
    priced: PricedDocument,
    userId: string,
    guard: StandingGuard,
  ): Promise<SalesOrder>;
  updateOrder(
    id: string,
    version: number,
    changes: Omit<DocumentChanges, "validUntil">,
    guard: StandingGuard | null,
  ): Promise<SalesOrder>;
  findOrder(id: string): Promise<SalesOrder | null>;
  /**
   * An order and its import record in one transaction; when the same file or reference won a race,
   * nothing is written and the order it made is the answer (created false).
   */
  createImportedOrder(
    customerId: string,
    header: DocumentHeader,
    priced: PricedDocument,
    userId: string,
    guard: StandingGuard,
    source: ImportSource,
  ): Promise<{ order: SalesOrder; created: boolean }>;
  /** The order imported before from this file or with this customer reference, if any. */
  findImportedOrder(
    customerId: string,
    source: Pick<ImportSource, "contentHash" | "reference">,
  ): Promise<SalesOrder | null>;
  listOrders(customerId: string): Promise<SalesOrder[]>;
}

const LINES = { orderBy: { position: "asc" } } as const;
const QUOTE_INCLUDE = {
  lines: LINES,
  createdBy: { select: USER_REF_SELECT },
  order: { select: { id: true } },
} satisfies Prisma.QuoteInclude;
const ORDER_INCLUDE = {
  lines: LINES,
  createdBy: { select: USER_REF_SELECT },
  loanerReturn: { include: { returnedBy: { select: USER_REF_SELECT } } },
} satisfies Prisma.SalesOrderInclude;
type QuoteRow = Prisma.QuoteGetPayload<{ include: typeof QUOTE_INCLUDE }>;
type OrderRow = Prisma.SalesOrderGetPayload<{ include: typeof ORDER_INCLUDE }>;
type LineRow = Pick<
  QuoteRow["lines"][number],
  "position" | "item" | "customerItem" | "description" | "quantity" | "unitPrice" | "discountPercent" | "lineTotal"
>;

const toLine = (row: LineRow): SalesLine => ({
  position: row.position,
  item: row.item,
  customerItem: row.customerItem,
  description: row.description,
  quantity: row.quantity.toString(),
  unitPrice: row.unitPrice.toFixed(2),
  discountPercent: row.discountPercent.toString(),
  lineTotal: row.lineTotal.toFixed(2),
});

function documentBase(row: QuoteRow | OrderRow) {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    contactId: row.contactId,
    title: row.title,
    currency: row.currency,
    lines: row.lines.map(toLine),
    totals: { subtotal: row.subtotal.toFixed(2), discount: row.discountTotal.toFixed(2), total: row.total.toFixed(2) },
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
  };
}

const toQuote = (row: QuoteRow): Quote => ({
  ...documentBase(row),
  status: row.status,
  validUntil: row.validUntil ? dayFromDate(row.validUntil) : null,
  orderId: row.order?.id ?? null,
});
const toOrder = (row: OrderRow): SalesOrder => ({
  ...documentBase(row),
  status: row.status,
  quoteId: row.quoteId,
  type: row.type,
  dueBackOn: row.dueBackOn ? dayFromDate(row.dueBackOn) : null,
  loanerReturn: row.loanerReturn && {
    returnedOn: dayFromDate(row.loanerReturn.returnedOn),
    returnedBy: row.loanerReturn.returnedBy,
    remark: row.loanerReturn.remark,
    recordedAt: row.loanerReturn.createdAt.toISOString(),
  },
});

const totalsData = (priced: PricedDocument) => ({
  subtotal: priced.totals.subtotal,
  discountTotal: priced.totals.discount,
  total: priced.totals.total,
});
const linesData = (priced: PricedDocument) =>
  priced.lines.map((line, index) => ({
    position: index + 1,
    item: line.item,
    customerItem: line.customerItem,
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    lineTotal: line.lineTotal,
  }));

/**
 * Reads the customer's status and lifecycle with FOR SHARE: until this transaction ends, nobody can
 * downgrade the customer, so a document is never written for a customer that just stopped qualifying.
 */
async function checkStanding(tx: Prisma.TransactionClient, customerId: string, guard: StandingGuard) {
  const rows = await tx.$queryRaw<CustomerStanding[]>`
    SELECT "statusCode", lifecycle::text AS lifecycle FROM "Customer" WHERE id = ${customerId}::uuid FOR SHARE`;
  guard(rows[0]!);
}

type Tx = Prisma.TransactionClient;
type NewDocument<H> = H &
  ReturnType<typeof totalsData> & {
    customerId: string;
    createdById: string;
    lines: { create: ReturnType<typeof linesData> };
  };
type DocumentUpdate<S extends string> = Omit<DocumentChanges<S>, "priced"> &
  Partial<ReturnType<typeof totalsData>> & { modifiedAt: Date; version: { increment: number } };

/**
 * What differs between quotes and orders is only which tables they live in; writing them (standing
 * check, version and OPEN guard, lines replaced as a whole) is one path for both, below.
 */
interface DocumentTables<T, H, S extends string> {
  what: string;
  insert(tx: Tx, data: NewDocument<H>): Promise<T>;
  customerOf(tx: Tx, id: string): Promise<{ customerId: string } | null>;
  /** Rows changed: 0 when the version is not current or the document is no longer OPEN. */
  updateOpen(tx: Tx, id: string, version: number, data: DocumentUpdate<S>): Promise<number>;
  replaceLines(tx: Tx, id: string, lines: ReturnType<typeof linesData>): Promise<void>;
  load(tx: Tx, id: string): Promise<T>;
}

const byId = (id: string) => ({ where: { id }, select: { customerId: true } });

const QUOTES: DocumentTables<Quote, DocumentHeader & { validUntil: Date | null }, "CANCELLED"> = {
  what: "This quote",
  insert: async (tx, data) => toQuote(await tx.quote.create({ data, include: QUOTE_INCLUDE })),
  customerOf: (tx, id) => tx.quote.findUnique(byId(id)),
  updateOpen: async (tx, id, version, data) =>
    (await tx.quote.updateMany({ where: { id, version, status: "OPEN" }, data })).count,
  async replaceLines(tx, quoteId, lines) {
    await tx.quoteLine.deleteMany({ where: { quoteId } });
    await tx.quoteLine.createMany({ data: lines.map((line) => ({ ...line, quoteId })) });
  },
  load: async (tx, id) => toQuote(await tx.quote.findUniqueOrThrow({ where: { id }, include: QUOTE_INCLUDE })),
};

const ORDERS: DocumentTables<SalesOrder, OrderHeader, "CANCELLED" | "CLOSED"> = {
  what: "This order",
  insert: async (tx, data) => toOrder(await tx.salesOrder.create({ data, include: ORDER_INCLUDE })),
  customerOf: (tx, id) => tx.salesOrder.findUnique(byId(id)),
  updateOpen: async (tx, id, version, { validUntil: _orders, ...data }) =>
    (await tx.salesOrder.updateMany({ where: { id, version, status: "OPEN" }, data })).count,
  async replaceLines(tx, orderId, lines) {
    await tx.salesOrderLine.deleteMany({ where: { orderId } });
    await tx.salesOrderLine.createMany({ data: lines.map((line) => ({ ...line, orderId })) });
  },
  load: async (tx, id) => toOrder(await tx.salesOrder.findUniqueOrThrow({ where: { id }, include: ORDER_INCLUDE })),
};

function createDocument<T, H>(
  prisma: PrismaClient,
  tables: DocumentTables<T, H, string>,
  customerId: string,
  header: H,
  priced: PricedDocument,
  userId: string,
  guard: StandingGuard,
  /** More to write in the same transaction (an import's record). */
  also?: (tx: Tx, document: T) => Promise<unknown>,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await checkStanding(tx, customerId, guard);
    const data = { ...header, ...totalsData(priced), customerId, createdById: userId };
    const document = await tables.insert(tx, { ...data, lines: { create: linesData(priced) } });
    await also?.(tx, document);
    return document;
  });
}

function updateDocument<T, S extends string>(
  prisma: PrismaClient,
  tables: DocumentTables<T, unknown, S>,
  id: string,
  version: number,
  { priced, ...changes }: DocumentChanges<S>,
  guard: StandingGuard | null,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    const current = await tables.customerOf(tx, id);
    if (current && guard) await checkStanding(tx, current.customerId, guard);
    // Version and OPEN in the WHERE clause: a converted, closed or cancelled document never changes.
    const data = { ...changes, ...(priced && totalsData(priced)), modifiedAt: new Date(), version: { increment: 1 } };
    if ((await tables.updateOpen(tx, id, version, data)) === 0) throw staleVersion(tables.what);
    if (priced) await tables.replaceLines(tx, id, linesData(priced));
    return tables.load(tx, id);
  });
}

export function createSalesDocumentsRepository(prisma: PrismaClient): SalesDocumentsRepository {
  return {
    createQuote: (customerId, header, priced, userId, guard) =>
      createDocument(prisma, QUOTES, customerId, header, priced, userId, guard),
    updateQuote: (id, version, changes, guard) => updateDocument(prisma, QUOTES, id, version, changes, guard),
    createOrder: (customerId, header, priced, userId, guard) =>
      createDocument(prisma, ORDERS, customerId, header, priced, userId, guard),
    updateOrder: (id, version, changes, guard) => updateDocument(prisma, ORDERS, id, version, changes, guard),

    async findQuote(id) {
      const row = await prisma.quote.findUnique({ where: { id }, include: QUOTE_INCLUDE });
      return row ? toQuote(row) : null;
    },

    async listQuotes(customerId) {
      const rows = await prisma.quote.findMany({
        where: { customerId },
        include: QUOTE_INCLUDE,
        orderBy: [{ createdAt: "desc" }, { number: "desc" }],
        take: 200,
      });
      return rows.map(toQuote);
    },

    async convertQuote(id, version, userId, guard) {
      return prisma.$transaction(async (tx) => {
        const quote = await tx.quote.findUniqueOrThrow({ where: { id }, include: { lines: LINES } });
        await checkStanding(tx, quote.customerId, guard);
        const { count } = await tx.quote.updateMany({
          where: { id, version, status: "OPEN" },
          data: { status: "CONVERTED", modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This quote");
        const row = await tx.salesOrder.create({
          data: {
            customerId: quote.customerId,
            contactId: quote.contactId,
            quoteId: quote.id,
            title: quote.title,
            currency: quote.currency,
            subtotal: quote.subtotal,
            discountTotal: quote.discountTotal,
            total: quote.total,
            createdById: userId,
            lines: {
              create: quote.lines.map(
                ({ position, item, customerItem, description, quantity, unitPrice, discountPercent, lineTotal }) => ({
                  position,
                  item,
                  customerItem,
                  description,
                  quantity,
                  unitPrice,
                  discountPercent,
                  lineTotal,
                }),
              ),
            },
          },
          include: ORDER_INCLUDE,
        });
        return toOrder(row);
      });
    },

    async createImportedOrder(customerId, header, priced, userId, guard, source) {
      try {
        const order = await createDocument(prisma, ORDERS, customerId, header, priced, userId, guard, (tx, made) =>
          tx.orderImport.create({ data: { ...source, customerId, orderId: made.id } }),
        );
        return { order, created: true };
      } catch (error) {
        if (classifyDbError(error)?.kind !== "unique") throw error;
        const existing = await this.findImportedOrder(customerId, source);
        if (!existing) throw error;
        return { order: existing, created: false };
      }
    },

    async findImportedOrder(customerId, { contentHash, reference }) {
      const row = await prisma.orderImport.findFirst({
        where: { customerId, OR: [{ contentHash }, ...(reference ? [{ reference }] : [])] },
        select: { orderId: true },
      });
      return row ? this.findOrder(row.orderId) : null;
    },

    async findOrder(id) {
      const row = await prisma.salesOrder.findUnique({ where: { id }, include: ORDER_INCLUDE });
      return row ? toOrder(row) : null;
    },

    async listOrders(customerId) {
      const rows = await prisma.salesOrder.findMany({
        where: { customerId },
        include: ORDER_INCLUDE,
        orderBy: [{ createdAt: "desc" }, { number: "desc" }],
        take: 200,
      });
      return rows.map(toOrder);
    },
  };
}
