import { http, HttpResponse } from "msw";
import type { z } from "zod";
import type { Customer, Me, Quote, SalesLineInput, SalesOrder, SpecialPrice } from "contract";
import {
  OrderCreate,
  OrderUpdate,
  QuoteCreate,
  QuoteUpdate,
  SpecialPriceCreate,
  SpecialPriceUpdate,
  orderRefusalSentence,
  fromScaled,
  orderRefusals,
  priceLines,
  specialPriceOn,
  toScaled,
} from "contract";

// Quotes, orders and special prices as the service rules them: the contract's schemas validate,
// the contract's pricing computes the totals, special prices fill omitted unit prices on the
// document's day, only OPEN documents at the current version change, refused customers get a 409
// with the service's sentence, and only managers and admins write special prices.

type Detail = { field: string; message: string };
const error = (status: number, code: string, message: string, details?: Detail[]) =>
  HttpResponse.json({ error: { code, message, ...(details && { details }) } }, { status });
/** "17.5" → "17.50", as the service's numeric(14, 2) answers. */
const cents = (amount: string) => fromScaled(toScaled(amount, 2), 2);
const notFound = () => error(404, "not_found", "not found");

function parse<T extends z.ZodType>(schema: T, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data as z.output<T> };
  const details = result.error.issues.map((issue) => ({
    field: ["body", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  return { error: error(400, "bad_request", "Invalid request", details) };
}

export function createFakeSalesDocuments(deps: {
  API: string;
  id: () => string;
  me: Me;
  customerOf: (id: string) => Customer | undefined;
}) {
  const { API, id, me } = deps;
  const user = () => ({ id: me.id, name: me.name, email: me.email });
  const quotes: Quote[] = [];
  const orders: SalesOrder[] = [];
  const specialPrices: SpecialPrice[] = [];
  let numbers = 1000;

  const refusal = (customerId: string) => {
    const customer = deps.customerOf(customerId)!;
    const details = orderRefusals({ statusCode: customer.status.code, lifecycle: customer.lifecycle });
    return details.length > 0 ? error(409, "conflict", orderRefusalSentence(details), details) : null;
  };
  /** Lines priced like the service; a Response when a line has no price and no special price. */
  const price = (lines: SalesLineInput[], customerId: string, currency: string, day: string) => {
    const filled = [];
    for (const [index, line] of lines.entries()) {
      const special =
        line.unitPrice === undefined ? specialPriceOn(pricesOf(customerId), line.item, currency, day) : null;
      if (line.unitPrice === undefined && !special) {
        const message = `no special price for item ${line.item} in ${currency} on ${day}; enter a unit price`;
        return error(400, "bad_request", message, [{ field: `body.lines.${index}.unitPrice`, message }]);
      }
      filled.push({
        ...line,
        description: line.description ?? null,
        unitPrice: line.unitPrice ?? special!.unitPrice,
        discountPercent: line.discountPercent ?? (special ? special.discountPercent : "0"),
      });
    }
    const priced = priceLines(filled);
    return {
      lines: filled.map((line, index) => ({
        ...line,
        position: index + 1,
        lineTotal: priced.lineTotals[index]!.lineTotal,
      })),
      totals: priced.totals,
    };
  };
  const pricesOf = (customerId: string) =>
    specialPrices
      .filter((row) => row.customerId === customerId)
      .sort((a, b) => a.item.localeCompare(b.item) || a.currency.localeCompare(b.currency));
  const stamp = () => ({
    createdBy: user(),
    createdAt: new Date().toISOString(),
    modifiedAt: new Date().toISOString(),
  });
  const notOpen = (document: Quote | SalesOrder, kind: "quote" | "order", version: number) => {
    if (document.status !== "OPEN") {
      const message = `${kind === "quote" ? "Quote Q" : "Order SO"}-${document.number} is ${document.status}; only an open ${kind} can be changed`;
      return error(409, "conflict", message, [{ field: "status", message }]);
    }
    if (document.version !== version)
      return error(409, "conflict", `This ${kind} was changed by someone else since you loaded it`, [
        { field: "version", message: "is not the current version" },
      ]);
    return null;
  };
  /** An update of an open quote or order, as the service applies it. */
  const update = (document: Quote | SalesOrder, kind: "quote" | "order", body: z.output<typeof OrderUpdate>) => {
    const refused = notOpen(document, kind, body.version) ?? (body.lines ? refusal(document.customerId) : null);
    if (refused) return refused;
    const priced =
      body.lines && price(body.lines, document.customerId, document.currency, document.createdAt.slice(0, 10));
    if (priced instanceof Response) return priced;
    Object.assign(document, {
      ...(body.title !== undefined && { title: body.title }),
      ...(body.status && { status: body.status }),
      ...priced,
      modifiedAt: new Date().toISOString(),
      version: document.version + 1,
    });
    return HttpResponse.json(document);
  };
  /** The common part of a new open quote or order, its lines priced on today's date; or the service's refusal. */
  const newDocument = (input: z.output<typeof OrderCreate>) => {
    if (!deps.customerOf(input.customerId)) return notFound();
    const priced = price(input.lines, input.customerId, input.currency, new Date().toISOString().slice(0, 10));
    if (priced instanceof Response) return priced;
    const refused = refusal(input.customerId);
    if (refused) return refused;
    return {
      id: id(),
      number: ++numbers,
      customerId: input.customerId,
      contactId: input.contactId ?? null,
      title: input.title ?? null,
      currency: input.currency,
      status: "OPEN" as const,
      ...priced,
      ...stamp(),
      version: 1,
    };
  };
  const requireManager = () =>
    me.role === "SALESMAN" ? error(403, "forbidden", "Your role (salesman) may not do this: prices:manage") : null;
  const duplicate = (row: Pick<SpecialPrice, "id" | "customerId" | "item" | "currency">) => {
    if (
      !specialPrices.some(
        (other) =>
          other.id !== row.id &&
          other.customerId === row.customerId &&
          other.item === row.item &&
          other.currency === row.currency,
      )
    )
      return null;
    const message = `This customer already has a special price for item ${row.item} in ${row.currency}; change that one instead`;
    return error(409, "conflict", message, [{ field: "body.item", message }]);
  };

  const handlers = [
    http.get(`${API}/api/quotes`, ({ request }) => {
      const customerId = new URL(request.url).searchParams.get("customerId");
      return HttpResponse.json({ items: quotes.filter((row) => row.customerId === customerId).reverse() });
    }),
    http.get(`${API}/api/orders`, ({ request }) => {
      const customerId = new URL(request.url).searchParams.get("customerId");
      return HttpResponse.json({ items: orders.filter((row) => row.customerId === customerId).reverse() });
    }),
    http.post(`${API}/api/quotes`, async ({ request }) => {
      const body = parse(QuoteCreate, await request.json());
      if (body.error) return body.error;
      const created = newDocument(body.data);
      if (created instanceof Response) return created;
      const quote: Quote = { ...created, validUntil: body.data.validUntil ?? null, orderId: null };
      quotes.push(quote);
      return HttpResponse.json(quote, { status: 201 });
    }),
    http.post(`${API}/api/orders`, async ({ request }) => {
      const body = parse(OrderCreate, await request.json());
      if (body.error) return body.error;
      const created = newDocument(body.data);
      if (created instanceof Response) return created;
      const order: SalesOrder = { ...created, quoteId: null };
      orders.push(order);
      return HttpResponse.json(order, { status: 201 });
    }),
    http.patch(`${API}/api/quotes/:id`, async ({ params, request }) => {
      const quote = quotes.find((row) => row.id === params.id);
      if (!quote) return notFound();
      const body = parse(QuoteUpdate, await request.json());
      if (body.error) return body.error;
      if (body.data.validUntil !== undefined && !notOpen(quote, "quote", body.data.version))
        quote.validUntil = body.data.validUntil;
      return update(quote, "quote", body.data);
    }),
    http.post(`${API}/api/quotes/:id/convert`, async ({ params, request }) => {
      const quote = quotes.find((row) => row.id === params.id);
      if (!quote) return notFound();
      const { version } = (await request.json()) as { version: number };
      const refused = notOpen(quote, "quote", version) ?? refusal(quote.customerId);
      if (refused) return refused;
      const { validUntil: _validUntil, orderId: _orderId, ...copied } = quote;
      const order: SalesOrder = {
        ...copied,
        id: id(),
        number: ++numbers,
        status: "OPEN",
        quoteId: quote.id,
        ...stamp(),
        version: 1,
      };
      orders.push(order);
      Object.assign(quote, { status: "CONVERTED", orderId: order.id, version: quote.version + 1 });
      return HttpResponse.json(order, { status: 201 });
    }),
    http.patch(`${API}/api/orders/:id`, async ({ params, request }) => {
      const order = orders.find((row) => row.id === params.id);
      if (!order) return notFound();
      const body = parse(OrderUpdate, await request.json());
      return body.error ?? update(order, "order", body.data);
    }),
    http.get(`${API}/api/customers/:id/special-prices`, ({ params }) =>
      deps.customerOf(String(params.id)) ? HttpResponse.json({ items: pricesOf(String(params.id)) }) : notFound(),
    ),
    http.post(`${API}/api/customers/:id/special-prices`, async ({ params, request }) => {
      const refused = requireManager();
      if (refused) return refused;
      const body = parse(SpecialPriceCreate, await request.json());
      if (body.error) return body.error;
      if (!deps.customerOf(String(params.id))) return notFound();
      const row: SpecialPrice = {
        id: id(),
        customerId: String(params.id),
        ...body.data,
        unitPrice: cents(body.data.unitPrice),
        description: body.data.description ?? null,
        validFrom: body.data.validFrom ?? null,
        validUntil: body.data.validUntil ?? null,
        ...stamp(),
        version: 1,
      };
      const taken = duplicate(row);
      if (taken) return taken;
      specialPrices.push(row);
      return HttpResponse.json(row, { status: 201 });
    }),
    http.patch(`${API}/api/special-prices/:id`, async ({ params, request }) => {
      const refused = requireManager();
      if (refused) return refused;
      const row = specialPrices.find((candidate) => candidate.id === params.id);
      if (!row) return notFound();
      const body = parse(SpecialPriceUpdate, await request.json());
      if (body.error) return body.error;
      const { version, ...changes } = body.data;
      if (version !== row.version)
        return error(409, "conflict", "This special price was changed by someone else", [
          { field: "version", message: "is not the current version" },
        ]);
      const next = { ...row, ...changes, version: row.version + 1 };
      if (next.validFrom && next.validUntil && next.validUntil < next.validFrom)
        return error(400, "bad_request", "body.validUntil: must not be before validFrom", [
          { field: "body.validUntil", message: "must not be before validFrom" },
        ]);
      const taken = duplicate(next);
      if (taken) return taken;
      Object.assign(row, next, { unitPrice: cents(next.unitPrice) });
      return HttpResponse.json(row);
    }),
    http.delete(`${API}/api/special-prices/:id`, ({ params }) => {
      const refused = requireManager();
      if (refused) return refused;
      const index = specialPrices.findIndex((row) => row.id === params.id);
      if (index < 0) return notFound();
      specialPrices.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return { handlers, quotes, orders, specialPrices };
}
