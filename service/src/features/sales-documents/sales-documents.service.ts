import type {
  OrderCreate,
  OrderUpdate,
  Quote,
  QuoteCreate,
  QuoteUpdate,
  SalesLineInput,
  SalesOrder,
} from "../../../../contract";
import { orderRefusals } from "../../../../contract";
import { AppError, badRequest, notFound, staleVersion } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import { priceLines } from "../../shared/money";
import type { ContactsRepository } from "../contacts/contacts.repository";
import type { CustomersRepository } from "../customers/customers.repository";
import type { CustomerStanding, PricedDocument, SalesDocumentsRepository } from "./sales-documents.repository";

export interface SalesDocumentsService {
  createQuote(input: QuoteCreate, userId: string): Promise<Quote>;
  updateQuote(id: string, input: QuoteUpdate): Promise<Quote>;
  getQuote(id: string): Promise<Quote>;
  convertQuote(id: string, version: number, userId: string): Promise<SalesOrder>;
  createOrder(input: OrderCreate, userId: string): Promise<SalesOrder>;
  updateOrder(id: string, input: OrderUpdate): Promise<SalesOrder>;
  getOrder(id: string): Promise<SalesOrder>;
}

/** Line totals are numeric(16, 2): 14 digits before the point. */
const MAX_CENTS = 10n ** 16n;

/**
 * Quotes and orders only for actual customers (status 1) that are approved (ACTIVE). Runs inside the
 * writing transaction, on the customer row as it is locked there; names every reason at once.
 */
export function requireCanReceiveOrders(customer: CustomerStanding): void {
  const details = orderRefusals(customer);
  if (details.length > 0)
    throw new AppError(
      "conflict",
      `This customer may not receive quotes or orders: it ${details.map((detail) => detail.message).join(", and it ")}`,
      details,
    );
}

function price(lines: SalesLineInput[]): PricedDocument {
  const priced = priceLines(lines);
  priced.lineTotals.forEach((line, index) => {
    if (line.cents >= MAX_CENTS) throw badRequest(`body.lines.${index}.quantity`, "the line total is too large");
  });
  if (priced.subtotalCents >= MAX_CENTS) throw badRequest("body.lines", "the document total is too large");
  return {
    lines: lines.map((line, index) => ({
      item: line.item,
      description: line.description ?? null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
      lineTotal: priced.lineTotals[index]!.lineTotal,
    })),
    totals: priced.totals,
  };
}

export function createSalesDocumentsService(deps: {
  documents: SalesDocumentsRepository;
  customers: CustomersRepository;
  contacts: ContactsRepository;
}): SalesDocumentsService {
  const { documents } = deps;

  async function checkCustomerAndContact(customerId: string, contactId: string | null | undefined) {
    if (!(await deps.customers.exists(customerId))) throw notFound("customer", customerId, "body.customerId");
    if (!contactId) return;
    const contact = await deps.contacts.belongsTo(contactId);
    if (!contact) throw notFound("contact", contactId, "body.contactId");
    if (contact.customerId !== customerId) throw badRequest("body.contactId", "this contact is not the customer's");
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

  return {
    getQuote,
    getOrder,

    async createQuote(input, userId) {
      await checkCustomerAndContact(input.customerId, input.contactId);
      const header = {
        contactId: input.contactId ?? null,
        title: input.title ?? null,
        currency: input.currency,
        validUntil: optionalDay(input.validUntil) ?? null,
      };
      return documents.createQuote(input.customerId, header, price(input.lines), userId, requireCanReceiveOrders);
    },

    async updateQuote(id, input) {
      const quote = await getQuote(id);
      requireOpen("quote", quote, input.version);
      if (input.contactId) await checkCustomerAndContact(quote.customerId, input.contactId);
      return documents.updateQuote(
        id,
        input.version,
        {
          contactId: input.contactId,
          title: input.title,
          validUntil: optionalDay(input.validUntil),
          priced: input.lines && price(input.lines),
          status: input.status,
        },
        // Cancelling is always possible; changing what is offered needs a customer that may receive it.
        input.lines ? requireCanReceiveOrders : null,
      );
    },

    async convertQuote(id, version, userId) {
      requireOpen("quote", await getQuote(id), version);
      return documents.convertQuote(id, version, userId, requireCanReceiveOrders);
    },

    async createOrder(input, userId) {
      await checkCustomerAndContact(input.customerId, input.contactId);
      const header = { contactId: input.contactId ?? null, title: input.title ?? null, currency: input.currency };
      return documents.createOrder(input.customerId, header, price(input.lines), userId, requireCanReceiveOrders);
    },

    async updateOrder(id, input) {
      const order = await getOrder(id);
      requireOpen("order", order, input.version);
      if (input.contactId) await checkCustomerAndContact(order.customerId, input.contactId);
      return documents.updateOrder(
        id,
        input.version,
        {
          contactId: input.contactId,
          title: input.title,
          priced: input.lines && price(input.lines),
          status: input.status,
        },
        input.lines ? requireCanReceiveOrders : null,
      );
    },
  };
}
