import type {
  OrderCreate,
  OrderUpdate,
  Quote,
  QuoteCreate,
  QuoteUpdate,
  SalesLineInput,
  SalesOrder,
  SpecialPrice,
} from "contract";
import { orderRefusalSentence, orderRefusals, priceLines, specialPriceOn } from "contract";
import { dayInZone } from "contract/zoned-time";
import type { Writable } from "node:stream";
import type { CurrentUser } from "../../auth/current-user";
import { AppError, badRequest, notFound, staleVersion } from "../../shared/app-error";
import { dateFromDay, dayFromDate, optionalDay } from "../../shared/calendar-date";
import type { Access } from "../../shared/ports/access.port";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import { type Letterhead, type PrintFormat, type PrintableDocument, writeDocumentPdf } from "./document-pdf";
import type { LineIssue, OrderIntake, PreparedLines } from "../../shared/ports/order-intake.port";
import type {
  CustomerStanding,
  DocumentChanges,
  PricedDocument,
  SalesDocumentsRepository,
} from "./sales-documents.repository";

export interface SalesDocumentsService {
  createQuote(input: QuoteCreate, userId: string): Promise<Quote>;
  updateQuote(id: string, input: QuoteUpdate, user: CurrentUser): Promise<Quote>;
  getQuote(id: string): Promise<Quote>;
  convertQuote(id: string, version: number, user: CurrentUser): Promise<SalesOrder>;
  /** timeZone: the caller's, whose today a loaner's due-back day may not be before. */
  createOrder(input: OrderCreate, userId: string, timeZone?: string): Promise<SalesOrder>;
  updateOrder(id: string, input: OrderUpdate, user: CurrentUser): Promise<SalesOrder>;
  getOrder(id: string): Promise<SalesOrder>;
  listQuotes(customerId: string): Promise<Quote[]>;
  listOrders(customerId: string): Promise<SalesOrder[]>;
  /** The quote as a printable PDF; 404 exactly where getQuote is. */
  quotePdf(id: string, format: PrintFormat): Promise<PdfFile>;
  orderPdf(id: string, format: PrintFormat): Promise<PdfFile>;
}

/** A PDF ready to stream: everything it needs is loaded, so a failure is still an error reply. */
export interface PdfFile {
  fileName: string;
  write(out: Writable): Promise<void>;
}

/** What pricing asks of the special-prices feature: a customer's prices for these items in this currency. */
export interface SpecialPriceSource {
  listForCustomer(customerId: string, filter: { currency: string; items: string[] }): Promise<SpecialPrice[]>;
}

/**
 * A loaner's due-back day: required, and not before `earliest` (the day it is made, in the caller's
 * zone); a STANDARD order has none. Returns the column's value.
 */
function dueBackOnFor(type: SalesOrder["type"], dueBackOn: string | undefined, earliest: string): Date | null {
  if (type === "STANDARD") {
    if (dueBackOn !== undefined) throw badRequest("body.dueBackOn", "only a loaner order has a due-back date");
    return null;
  }
  if (dueBackOn === undefined) throw badRequest("body.dueBackOn", "a loaner order needs a due-back date");
  if (dueBackOn < earliest)
    throw badRequest("body.dueBackOn", `must not be before ${earliest}, the day the loaner was made`);
  return dateFromDay(dueBackOn);
}

/** What a line's code means for one customer: our item (is it still sold?) and the customer's code for it. */
export interface ItemCatalog {
  resolve(
    customerId: string,
    codes: string[],
  ): Promise<Map<string, { item: { code: string; active: boolean }; customerItem: string | null }>>;
}

/** Line totals are numeric(16, 2): 14 digits before the point. */
const MAX_CENTS = 10n ** 16n;

/**
 * Quotes and orders only for actual customers (status 1) that are approved (ACTIVE). Runs inside the
 * writing transaction, on the customer row as it is locked there; names every reason at once.
 */
export function requireCanReceiveOrders(customer: CustomerStanding): void {
  const details = orderRefusals(customer);
  if (details.length > 0) throw new AppError("conflict", orderRefusalSentence(details), details);
}

type PricedInput = Required<Pick<SalesLineInput, "unitPrice" | "discountPercent">> &
  SalesLineInput & { customerItem: string | null };

function price(lines: PricedInput[]): PricedDocument {
  const priced = priceLines(lines);
  priced.lineTotals.forEach((line, index) => {
    if (line.cents >= MAX_CENTS) throw badRequest(`body.lines.${index}.quantity`, "the line total is too large");
  });
  if (priced.subtotalCents >= MAX_CENTS) throw badRequest("body.lines", "the document total is too large");
  return {
    lines: lines.map((line, index) => ({
      item: line.item,
      customerItem: line.customerItem,
      description: line.description ?? null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
      lineTotal: priced.lineTotals[index]!.lineTotal,
    })),
    totals: priced.totals,
  };
}

/** Where a document stands for pricing: whose, in which currency, on which day (YYYY-MM-DD). */
interface PricingContext {
  customerId: string;
  currency: string;
  day: string;
}

export function createSalesDocumentsService(deps: {
  documents: SalesDocumentsRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  specialPrices: SpecialPriceSource;
  items: ItemCatalog;
  access: Access;
  letterhead: Letterhead;
}): SalesDocumentsService & { intake: OrderIntake } {
  const { documents } = deps;
  const today = () => dayFromDate(new Date());

  function pdfOf(printable: PrintableDocument, format: PrintFormat): PdfFile {
    const number = printable.kind === "quote" ? `Q-${printable.document.number}` : `SO-${printable.document.number}`;
    return {
      fileName: `${printable.kind}-${number}.pdf`,
      write: (out) => writeDocumentPdf(out, printable, deps.letterhead, format),
    };
  }

  /** Quotes and orders change by their creator, a salesman linked to the customer, a manager or an admin. */
  async function changeable<D extends Quote | SalesOrder>(kind: "quote" | "order", document: D, user: CurrentUser) {
    await deps.access.require(user, kind === "quote" ? "quotes:change" : "orders:change", {
      ownerId: document.createdBy.id,
      customerId: document.customerId,
    });
    return document;
  }

  async function checkCustomerAndContact(customerId: string, contactId: string | null | undefined) {
    await deps.customers.require(customerId, "body.customerId");
    if (!contactId) return;
    // Stricter than elsewhere: an unassigned contact is not the customer's either.
    if ((await deps.contacts.customerOf(contactId, "body.contactId")) !== customerId)
      throw badRequest("body.contactId", "this contact is not the customer's");
  }

  /**
   * Every line's code is looked up for the customer (ours, else their cross-reference; unknown or
   * inactive is the line's item error). Lines without a unit price take the customer's special price
   * for the item valid on the document's day, and its discount unless one is given; an explicit price
   * always wins (discount then 0 if omitted). Every line's problem is collected, none stops the rest.
   */
  async function prepareLines(lines: SalesLineInput[], context: PricingContext): Promise<PreparedLines> {
    const resolved = await deps.items.resolve(context.customerId, [...new Set(lines.map((line) => line.item.trim()))]);
    const issues: LineIssue[] = [];
    const known = lines.map((line, index) => {
      const found = resolved.get(line.item.trim());
      if (!found || !found.item.active) {
        const message = found
          ? `item ${found.item.code} is no longer sold`
          : `there is no item ${line.item} in the item master, nor a cross-reference of this customer`;
        issues.push({ index, field: "item", message });
        return null;
      }
      return { ...line, item: found.item.code, customerItem: found.customerItem };
    });
    const missing = [...new Set(known.flatMap((line) => (line && line.unitPrice === undefined ? [line.item] : [])))];
    const prices =
      missing.length === 0
        ? []
        : await deps.specialPrices.listForCustomer(context.customerId, { currency: context.currency, items: missing });
    const priced = known.map((line, index): PricedInput | null => {
      if (!line) return null;
      if (line.unitPrice !== undefined)
        return { ...line, unitPrice: line.unitPrice, discountPercent: line.discountPercent ?? "0" };
      const special = specialPriceOn(prices, line.item, context.currency, context.day);
      if (special)
        return {
          ...line,
          unitPrice: special.unitPrice,
          discountPercent: line.discountPercent ?? special.discountPercent,
        };
      issues.push({
        index,
        field: "unitPrice",
        message: `no special price for item ${line.item} in ${context.currency} on ${context.day}; enter a unit price`,
      });
      return null;
    });
    if (issues.length > 0) return { issues };
    return { issues, priced: price(priced as PricedInput[]) };
  }

  /** The lines priced, or one 400 naming every line's field that is wrong. */
  async function priceWithSpecialPrices(lines: SalesLineInput[], context: PricingContext) {
    const prepared = await prepareLines(lines, context);
    if (prepared.priced) return prepared.priced;
    const details = prepared.issues.map(({ index, field, message }) => ({
      field: `body.lines.${index}.${field}`,
      message,
    }));
    if (details.length === 1) throw badRequest(details[0]!.field, details[0]!.message);
    // The sentence names the first few; the details name every one.
    const first = details.slice(0, 3).map((detail) => `${detail.field}: ${detail.message}`);
    const more = details.length > 3 ? `; and ${details.length - 3} more` : "";
    throw new AppError("bad_request", `${first.join("; ")}${more}`, details);
  }

  /** Only OPEN documents change; anything else is a conflict that names the state. */
  function requireOpen(kind: "quote" | "order", document: Quote | SalesOrder, version: number) {
    if (document.status !== "OPEN") {
      const message = `${kind === "quote" ? "Quote Q" : "Order SO"}-${document.number} is ${document.status}; only an open ${kind} can be changed`;
      throw new AppError("conflict", message, [{ field: "status", message }]);
    }
    if (document.version !== version) throw staleVersion(`This ${kind}`);
  }

  const getQuote = async (id: string) => (await documents.findQuote(id)) ?? Promise.reject(notFound("quote", id));
  const getOrder = async (id: string) => (await documents.findOrder(id)) ?? Promise.reject(notFound("order", id));

  /** The header of a new document, its lines priced on today's date (UTC). */
  async function newDocument(input: QuoteCreate | OrderCreate) {
    await checkCustomerAndContact(input.customerId, input.contactId);
    const context = { customerId: input.customerId, currency: input.currency, day: today() };
    const header = { contactId: input.contactId ?? null, title: input.title ?? null, currency: input.currency };
    return { header, priced: await priceWithSpecialPrices(input.lines, context) };
  }

  /**
   * What an update of an OPEN document changes; new lines are priced on the day the document was
   * made, so editing an old quote keeps the special prices it was offered with.
   */
  async function changesTo<S extends string>(
    kind: "quote" | "order",
    document: Quote | SalesOrder,
    input: Pick<OrderUpdate, "version" | "contactId" | "title" | "lines"> & { status?: S },
  ): Promise<DocumentChanges<S>> {
    requireOpen(kind, document, input.version);
    if (input.contactId) await checkCustomerAndContact(document.customerId, input.contactId);
    const context = { ...document, day: document.createdAt.slice(0, 10) };
    return {
      contactId: input.contactId,
      title: input.title,
      priced: input.lines && (await priceWithSpecialPrices(input.lines, context)),
      status: input.status,
    };
  }
  // Cancelling is always possible; changing what is offered needs a customer that may receive it.
  const guardFor = (input: { lines?: unknown }) => (input.lines ? requireCanReceiveOrders : null);

  const intake: OrderIntake = {
    refusals: async (customerId) => {
      const customer = await deps.customers.get(customerId);
      return orderRefusals({ statusCode: customer.status.code, lifecycle: customer.lifecycle });
    },
    prepare: (customerId, currency, lines) => prepareLines(lines, { customerId, currency, day: today() }),
    findImported: (customerId, source) => documents.findImportedOrder(customerId, source),
    createImported: (customerId, header, priced, userId, source) =>
      documents.createImportedOrder(
        customerId,
        { ...header, contactId: null },
        priced,
        userId,
        requireCanReceiveOrders,
        source,
      ),
  };

  return {
    intake,
    getQuote,
    getOrder,
    // An unknown customer has no documents: the lists are empty, not a 404.
    listQuotes: (customerId) => documents.listQuotes(customerId),
    listOrders: (customerId) => documents.listOrders(customerId),

    // Reading is open to every signed-in user, as GET /api/quotes/:id is; the customer is loaded
    // before the first byte goes out, so a missing one is still a 404.
    async quotePdf(id, format) {
      const document = await getQuote(id);
      return pdfOf({ kind: "quote", document, customer: await deps.customers.get(document.customerId) }, format);
    },

    async orderPdf(id, format) {
      const document = await getOrder(id);
      return pdfOf({ kind: "order", document, customer: await deps.customers.get(document.customerId) }, format);
    },

    async createQuote(input, userId) {
      const { header, priced } = await newDocument(input);
      const validUntil = optionalDay(input.validUntil) ?? null;
      return documents.createQuote(
        input.customerId,
        { ...header, validUntil },
        priced,
        userId,
        requireCanReceiveOrders,
      );
    },

    async updateQuote(id, input, user) {
      const changes = await changesTo("quote", await changeable("quote", await getQuote(id), user), input);
      const validUntil = optionalDay(input.validUntil);
      return documents.updateQuote(id, input.version, { ...changes, validUntil }, guardFor(input));
    },

    async convertQuote(id, version, user) {
      requireOpen("quote", await changeable("quote", await getQuote(id), user), version);
      return documents.convertQuote(id, version, user.id, requireCanReceiveOrders);
    },

    async createOrder(input, userId, timeZone = "UTC") {
      const dueBackOn = dueBackOnFor(input.type, input.dueBackOn, dayInZone(new Date(), timeZone));
      const { header, priced } = await newDocument(input);
      return documents.createOrder(
        input.customerId,
        { ...header, type: input.type, dueBackOn },
        priced,
        userId,
        requireCanReceiveOrders,
      );
    },

    async updateOrder(id, input, user) {
      const order = await changeable("order", await getOrder(id), user);
      // A loaner comes back through its return (who, when, the reminder closed), never by a plain close.
      if (order.type === "LOANER" && input.status === "CLOSED" && order.status === "OPEN") {
        const message = `Order SO-${order.number} is a loaner: record its return to close it`;
        throw new AppError("conflict", message, [{ field: "body.status", message }]);
      }
      const changes = await changesTo("order", order, input);
      const made = dayInZone(new Date(order.createdAt), user.timeZone);
      const dueBackOn =
        input.dueBackOn === undefined ? undefined : (dueBackOnFor(order.type, input.dueBackOn, made) ?? undefined);
      return documents.updateOrder(id, input.version, { ...changes, dueBackOn }, guardFor(input));
    },
  };
}
