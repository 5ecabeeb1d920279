import { ShipTo, ShipToCreate, ShipToList, ShipToUpdate } from "contract";
import { customerSubRecordRoutes } from "../../http/customer-sub-record.routes";
import type { ShipToService } from "./ship-to.service";

export function shipToRoutes(service: ShipToService) {
  return customerSubRecordRoutes(service, {
    collection: "ship-to",
    tag: "ship-to addresses",
    schemas: { item: ShipTo, list: ShipToList, create: ShipToCreate, update: ShipToUpdate },
    summaries: {
      list: "A customer's ship-to addresses",
      create: "Add a ship-to address (street, postal code, city and country mandatory)",
      update: "Change a ship-to address (only the fields given)",
      delete: "Remove a ship-to address",
    },
  });
}
