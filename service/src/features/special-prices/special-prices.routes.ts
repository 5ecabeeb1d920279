import { SpecialPrice, SpecialPriceCreate, SpecialPriceList, SpecialPriceUpdate } from "contract";
import { customerSubRecordRoutes } from "../../http/customer-sub-record.routes";
import type { SpecialPricesService } from "./special-prices.service";

export function specialPricesRoutes(service: SpecialPricesService) {
  return customerSubRecordRoutes(service, {
    collection: "special-prices",
    tag: "special prices",
    schemas: { item: SpecialPrice, list: SpecialPriceList, create: SpecialPriceCreate, update: SpecialPriceUpdate },
    summaries: {
      list: "A customer's special prices (by item, then currency)",
      create: "Agree a price for an item and currency (managers and admins); 409 when one exists already",
      update: "Change a special price (managers and admins); send the version you loaded",
      delete: "Remove a special price (managers and admins)",
    },
  });
}
