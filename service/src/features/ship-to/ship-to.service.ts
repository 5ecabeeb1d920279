import type { ShipTo, ShipToCreate, ShipToUpdate } from "contract";
import { type CustomerSubRecordService, customerSubRecordService } from "../../shared/customer-sub-record.service";
import type { Access } from "../../shared/ports/access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { ShipToRepository } from "./ship-to.repository";

export type ShipToService = CustomerSubRecordService<
  ShipTo,
  ShipToCreate,
  ShipToUpdate,
  undefined,
  { items: ShipTo[] }
>;

/** Ship-to addresses follow the sub-record rules and have none of their own beyond the contract's fields. */
export function createShipToService(
  shipTo: ShipToRepository,
  ports: { customers: CustomerAccess; access: Access },
): ShipToService {
  return customerSubRecordService(
    {
      what: "ship-to address",
      permissions: { create: "ship-to:write", change: "ship-to:write" },
      list: async (customerId) => ({ items: await shipTo.listForCustomer(customerId) }),
      find: (id) => shipTo.findById(id),
      create: (customerId, input: ShipToCreate) => shipTo.create(customerId, input),
      // Last write wins: ship-to addresses carry no version.
      update: (current, input: ShipToUpdate) => shipTo.update(current.id, input),
      delete: (id) => shipTo.delete(id),
    },
    ports,
  );
}
