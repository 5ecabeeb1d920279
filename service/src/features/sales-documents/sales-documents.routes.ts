import {
  IdParams,
  OrderCreate,
  OrderUpdate,
  Quote,
  QuoteConvert,
  QuoteCreate,
  QuoteList,
  QuoteUpdate,
  SalesDocumentListQuery,
  SalesDocumentPdfQuery,
  SalesOrder,
  SalesOrderList,
} from "contract";
import type { Request } from "express";
import { z } from "zod";
import type { CurrentUser } from "../../auth/current-user";
import { preferredLocale } from "../../http/accept-language";
import { Download, defineRoute } from "../../http/route";
import type { PdfFile, SalesDocumentsService } from "./sales-documents.service";

const REFUSED = "409 for a customer whose status is not 1 or whose lifecycle is not ACTIVE";
const PDF_SUMMARY =
  "as an A4 PDF to print or send (letterhead, customer address, lines over as many pages as needed, totals); " +
  "amounts and dates in ?locale=, else the Accept-Language, else en-GB; the date in the caller's time zone";

/** How the reader wants amounts and dates: asked for, else what the browser accepts, else en-GB. */
const printFormat = (locale: string | undefined, request: Request, user: CurrentUser) => ({
  locale: locale ?? preferredLocale(request.headers["accept-language"]) ?? "en-GB",
  timeZone: user.timeZone,
});
const pdfDownload = (file: PdfFile) => new Download("application/pdf", file.fileName, file.write);

export function salesDocumentsRoutes(service: SalesDocumentsService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/quotes",
      tag: "quotes and orders",
      summary: `A quote with lines; the service computes line and document totals. ${REFUSED}`,
      authorization: "quotes:create",
      body: QuoteCreate,
      response: Quote,
      status: 201,
      handler: async ({ body, user }) => service.createQuote(body, user.id),
    }),
    defineRoute({
      method: "get",
      path: "/api/quotes",
      tag: "quotes and orders",
      summary: "A customer's quotes, newest first",
      query: SalesDocumentListQuery,
      response: QuoteList,
      handler: async ({ query }) => ({ items: await service.listQuotes(query.customerId) }),
    }),
    defineRoute({
      method: "get",
      path: "/api/quotes/:id",
      tag: "quotes and orders",
      summary: "One quote with its lines and totals",
      params: IdParams,
      response: Quote,
      handler: async ({ params }) => service.getQuote(params.id),
    }),
    defineRoute({
      method: "get",
      path: "/api/quotes/:id/pdf",
      tag: "quotes and orders",
      summary: `One quote ${PDF_SUMMARY}`,
      params: IdParams,
      query: SalesDocumentPdfQuery,
      response: z.string(),
      produces: ["application/pdf"],
      handler: async ({ params, query, request, user }) =>
        pdfDownload(await service.quotePdf(params.id, printFormat(query.locale, request, user))),
    }),
    defineRoute({
      method: "patch",
      path: "/api/quotes/:id",
      tag: "quotes and orders",
      summary: "Change an open quote (lines are replaced as a whole) or cancel it; 409 once converted or cancelled",
      authorization: "quotes:change",
      params: IdParams,
      body: QuoteUpdate,
      response: Quote,
      handler: async ({ params, body, user }) => service.updateQuote(params.id, body, user),
    }),
    defineRoute({
      method: "post",
      path: "/api/quotes/:id/convert",
      tag: "quotes and orders",
      summary: `Convert an open quote into an open sales order with the same lines (once). ${REFUSED}`,
      authorization: "quotes:change",
      params: IdParams,
      body: QuoteConvert,
      response: SalesOrder,
      status: 201,
      handler: async ({ params, body, user }) => service.convertQuote(params.id, body.version, user),
    }),
    defineRoute({
      method: "post",
      path: "/api/orders",
      tag: "quotes and orders",
      summary: `A sales order with lines (type LOANER: lent equipment, with a due-back date); the service computes the totals. ${REFUSED}`,
      authorization: "orders:create",
      body: OrderCreate,
      response: SalesOrder,
      status: 201,
      handler: async ({ body, user }) => service.createOrder(body, user.id, user.timeZone),
    }),
    defineRoute({
      method: "get",
      path: "/api/orders",
      tag: "quotes and orders",
      summary: "A customer's sales orders, newest first",
      query: SalesDocumentListQuery,
      response: SalesOrderList,
      handler: async ({ query }) => ({ items: await service.listOrders(query.customerId) }),
    }),
    defineRoute({
      method: "get",
      path: "/api/orders/:id",
      tag: "quotes and orders",
      summary: "One sales order with its lines and totals",
      params: IdParams,
      response: SalesOrder,
      handler: async ({ params }) => service.getOrder(params.id),
    }),
    defineRoute({
      method: "get",
      path: "/api/orders/:id/pdf",
      tag: "quotes and orders",
      summary: `One sales order ${PDF_SUMMARY}`,
      params: IdParams,
      query: SalesDocumentPdfQuery,
      response: z.string(),
      produces: ["application/pdf"],
      handler: async ({ params, query, request, user }) =>
        pdfDownload(await service.orderPdf(params.id, printFormat(query.locale, request, user))),
    }),
    defineRoute({
      method: "patch",
      path: "/api/orders/:id",
      tag: "quotes and orders",
      summary: "Change an open order (lines replaced as a whole), close or cancel it; 409 once closed or cancelled",
      authorization: "orders:change",
      params: IdParams,
      body: OrderUpdate,
      response: SalesOrder,
      handler: async ({ params, body, user }) => service.updateOrder(params.id, body, user),
    }),
  ];
}
