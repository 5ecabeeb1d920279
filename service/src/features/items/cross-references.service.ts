import type { CrossReference, CrossReferenceCreate, CrossReferenceUpdate } from "contract";
import { badRequest } from "../../shared/app-error";
import { type CustomerSubRecordService, customerSubRecordService } from "../../shared/customer-sub-record.service";
import type { Access } from "../../shared/ports/access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { CrossReferencesRepository, ItemsRepository } from "./items.repository";

export type CrossReferencesService = CustomerSubRecordService<
  CrossReference,
  CrossReferenceCreate,
  CrossReferenceUpdate,
  undefined,
  { items: CrossReference[] }
>;

/**
 * A customer's codes for our items follow the sub-record rules; their own: the item must be in the
 * master (400 naming body.item), and a customer's code stands for one item only (409).
 */
export function createCrossReferencesService(
  references: CrossReferencesRepository,
  items: ItemsRepository,
  ports: { customers: CustomerAccess; access: Access },
): CrossReferencesService {
  async function itemId(code: string) {
    const item = await items.findByCode(code);
    if (!item) throw badRequest("body.item", `there is no item ${code} in the item master`);
    return item.id;
  }
  return customerSubRecordService(
    {
      what: "cross-reference",
      permissions: { create: "cross-references:write", change: "cross-references:write" },
      list: async (customerId) => ({ items: await references.listForCustomer(customerId) }),
      find: (id) => references.findById(id),
      create: async (customerId, input: CrossReferenceCreate) =>
        references.create(customerId, {
          customerCode: input.customerCode,
          customerDescription: input.customerDescription ?? null,
          itemId: await itemId(input.item),
        }),
      async update(current, input: CrossReferenceUpdate) {
        return references.update(current.id, input.version, {
          ...(input.customerCode !== undefined && { customerCode: input.customerCode }),
          ...(input.customerDescription !== undefined && { customerDescription: input.customerDescription }),
          ...(input.item !== undefined && { itemId: await itemId(input.item) }),
        });
      },
      delete: (id) => references.delete(id),
    },
    ports,
  );
}
