import type {
  CrossReference,
  CrossReferenceCreate,
  CrossReferenceList,
  OrderImportRequest,
  OrderImportResult,
} from "contract";
import type { z } from "zod";

/** The one request function of the API client (bearer token, typed errors). */
type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const ofCustomer = (customerId: string, tail: string) => `/api/customers/${encodeURIComponent(customerId)}${tail}`;

/** A customer's item cross-references, and order import from the customer's file. */
export function itemCalls(call: ApiCall) {
  return {
    crossReferences: (customerId: string) =>
      call<z.output<typeof CrossReferenceList>>("GET", ofCustomer(customerId, "/cross-references")),
    createCrossReference: (customerId: string, body: z.input<typeof CrossReferenceCreate>) =>
      call<CrossReference>("POST", ofCustomer(customerId, "/cross-references"), body),
    deleteCrossReference: (id: string) => call<void>("DELETE", `/api/cross-references/${encodeURIComponent(id)}`),
    /** A dry run unless dryRun is false; duplicates answer with the order made before. */
    importOrder: (customerId: string, body: z.input<typeof OrderImportRequest>) =>
      call<OrderImportResult>("POST", ofCustomer(customerId, "/order-imports"), body),
  };
}
