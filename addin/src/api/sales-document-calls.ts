import type {
  OrderCreate,
  OrderUpdate,
  Quote,
  QuoteCreate,
  QuoteList,
  QuoteUpdate,
  SalesOrder,
  SalesOrderList,
  SpecialPrice,
  SpecialPriceCreate,
  SpecialPriceList,
  SpecialPriceUpdate,
} from "contract";
import type { z } from "zod";
import type { ApiDownload } from "./report-calls";

/** The one request function of the API client (bearer token, typed errors). */
type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (collection: string, id: string, tail = "") => `/api/${collection}/${encodeURIComponent(id)}${tail}`;
const ofCustomer = (customerId: string) => `?customerId=${encodeURIComponent(customerId)}`;

/** Quotes, sales orders and special prices; changes send the version that was loaded. */
export function salesDocumentCalls(call: ApiCall, download: ApiDownload) {
  return {
    /** The printable PDF; amounts and dates in the browser's language (its Accept-Language). */
    documentPdf: (kind: "quote" | "order", id: string) =>
      download(at(kind === "quote" ? "quotes" : "orders", id, "/pdf")),
    quotes: (customerId: string) => call<z.output<typeof QuoteList>>("GET", `/api/quotes${ofCustomer(customerId)}`),
    orders: (customerId: string) =>
      call<z.output<typeof SalesOrderList>>("GET", `/api/orders${ofCustomer(customerId)}`),
    createQuote: (body: z.input<typeof QuoteCreate>) => call<Quote>("POST", "/api/quotes", body),
    updateQuote: (id: string, body: z.input<typeof QuoteUpdate>) => call<Quote>("PATCH", at("quotes", id), body),
    convertQuote: (id: string, version: number) => call<SalesOrder>("POST", at("quotes", id, "/convert"), { version }),
    createOrder: (body: z.input<typeof OrderCreate>) => call<SalesOrder>("POST", "/api/orders", body),
    updateOrder: (id: string, body: z.input<typeof OrderUpdate>) => call<SalesOrder>("PATCH", at("orders", id), body),
    specialPrices: (customerId: string) =>
      call<z.output<typeof SpecialPriceList>>("GET", at("customers", customerId, "/special-prices")),
    createSpecialPrice: (customerId: string, body: z.input<typeof SpecialPriceCreate>) =>
      call<SpecialPrice>("POST", at("customers", customerId, "/special-prices"), body),
    updateSpecialPrice: (id: string, body: z.input<typeof SpecialPriceUpdate>) =>
      call<SpecialPrice>("PATCH", at("special-prices", id), body),
    deleteSpecialPrice: (id: string) => call<void>("DELETE", at("special-prices", id)),
  };
}
