import type { DocumentTotals, LifecycleState, Quote, SalesLine, SalesOrder } from "../../../../contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { dayFromDate } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../users/users.repository";

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

export interface DocumentChanges {
  contactId?: string | null;
  title?: string | null;
  validUntil?: Date | null;
  priced?: PricedDocument;
  status?: "CANCELLED" | "CLOSED";
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
  updateQuote(id: string, version: number, changes: DocumentChanges, guard: StandingGuard | null): Promise<Quote>;
  findQuote(id: string): Promise<Quote | null>;
  listQuotes(customerId: string): Promise<Quote[]>;
  /** Copies an OPEN quote at the given version into a new order and marks it CONVERTED, atomically. */
  convertQuote(id: string, version: number, userId: string, guard: StandingGuard): Promise<SalesOrder>;
  createOrder(
    customerId: string,
    header: DocumentHeader,
    priced: PricedDocument,
    userId: string,
    guard: StandingGuard,
  ): Promise<SalesOrder>;
  updateOrder(id: string, version: number, changes: DocumentChanges, guard: StandingGuard | null): Promise<SalesOrder>;
  findOrder(id: string): Promise<SalesOrder | null>;
  listOrders(customerId: string): Promise<SalesOrder[]>;
}

const LINES = { orderBy: { position: "asc" } } as const;
const QUOTE_INCLUDE = {
  lines: LINES,
  createdBy: { select: USER_REF_SELECT },
  order: { select: { id: true } },
} satisfies Prisma.QuoteInclude;
const ORDER_INCLUDE = { lines: LINES, createdBy: { select: USER_REF_SELECT } } satisfies Prisma.SalesOrderInclude;
type QuoteRow = Prisma.QuoteGetPayload<{ include: typeof QUOTE_INCLUDE }>;
type OrderRow = Prisma.SalesOrderGetPayload<{ include: typeof ORDER_INCLUDE }>;
type LineRow = Pick<
  QuoteRow["lines"][number],
  "position" | "item" | "description" | "quantity" | "unitPrice" | "discountPercent" | "lineTotal"
>;

const toLine = (row: LineRow): SalesLine => ({
  position: row.position,
  item: row.item,
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
const toOrder = (row: OrderRow): SalesOrder => ({ ...documentBase(row), status: row.status, quoteId: row.quoteId });

const totalsData = (priced: PricedDocument) => ({
  subtotal: priced.totals.subtotal,
  discountTotal: priced.totals.discount,
  total: priced.totals.total,
});
const linesData = (priced: PricedDocument) =>
  priced.lines.map((line, index) => ({
    position: index + 1,
    item: line.item,
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

function headerChanges(changes: DocumentChanges) {
  return {
    ...(changes.contactId !== undefined && { contactId: changes.contactId }),
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.priced && totalsData(changes.priced)),
    modifiedAt: new Date(),
    version: { increment: 1 },
  };
}

export function createSalesDocumentsRepository(prisma: PrismaClient): SalesDocumentsRepository {
  return {
    async createQuote(customerId, header, priced, userId, guard) {
      return prisma.$transaction(async (tx) => {
        await checkStanding(tx, customerId, guard);
        const row = await tx.quote.create({
          data: {
            customerId,
            ...header,
            ...totalsData(priced),
            createdById: userId,
            lines: { create: linesData(priced) },
          },
          include: QUOTE_INCLUDE,
        });
        return toQuote(row);
      });
    },

    async updateQuote(id, version, changes, guard) {
      return prisma.$transaction(async (tx) => {
        const current = await tx.quote.findUnique({ where: { id }, select: { customerId: true } });
        if (current && guard) await checkStanding(tx, current.customerId, guard);
        // Version and OPEN in the WHERE clause: a converted or cancelled quote never changes.
        const { count } = await tx.quote.updateMany({
          where: { id, version, status: "OPEN" },
          data: {
            ...headerChanges(changes),
            ...(changes.validUntil !== undefined && { validUntil: changes.validUntil }),
            ...(changes.status === "CANCELLED" && { status: "CANCELLED" as const }),
          },
        });
        if (count === 0) throw staleVersion("This quote");
        if (changes.priced) {
          await tx.quoteLine.deleteMany({ where: { quoteId: id } });
          await tx.quoteLine.createMany({ data: linesData(changes.priced).map((line) => ({ ...line, quoteId: id })) });
        }
        return toQuote(await tx.quote.findUniqueOrThrow({ where: { id }, include: QUOTE_INCLUDE }));
      });
    },

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
              create: quote.lines.map((line) => ({
                position: line.position,
                item: line.item,
                description: line.description,
                quantity: line.quantity,
                unitPrice: line.unitPrice,
                discountPercent: line.discountPercent,
                lineTotal: line.lineTotal,
              })),
            },
          },
          include: ORDER_INCLUDE,
        });
        return toOrder(row);
      });
    },

    async createOrder(customerId, header, priced, userId, guard) {
      return prisma.$transaction(async (tx) => {
        await checkStanding(tx, customerId, guard);
        const row = await tx.salesOrder.create({
          data: {
            customerId,
            ...header,
            ...totalsData(priced),
            createdById: userId,
            lines: { create: linesData(priced) },
          },
          include: ORDER_INCLUDE,
        });
        return toOrder(row);
      });
    },

    async updateOrder(id, version, changes, guard) {
      return prisma.$transaction(async (tx) => {
        const current = await tx.salesOrder.findUnique({ where: { id }, select: { customerId: true } });
        if (current && guard) await checkStanding(tx, current.customerId, guard);
        // Version and OPEN in the WHERE clause: a closed or cancelled order never changes.
        const { count } = await tx.salesOrder.updateMany({
          where: { id, version, status: "OPEN" },
          data: { ...headerChanges(changes), ...(changes.status && { status: changes.status }) },
        });
        if (count === 0) throw staleVersion("This order");
        if (changes.priced) {
          await tx.salesOrderLine.deleteMany({ where: { orderId: id } });
          await tx.salesOrderLine.createMany({
            data: linesData(changes.priced).map((line) => ({ ...line, orderId: id })),
          });
        }
        return toOrder(await tx.salesOrder.findUniqueOrThrow({ where: { id }, include: ORDER_INCLUDE }));
      });
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
