import type { SpecialPrice, SpecialPriceCreate, SpecialPriceUpdate } from "contract";
import { badRequest } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import { type CustomerSubRecordService, customerSubRecordService } from "../../shared/customer-sub-record.service";
import type { Access } from "../../shared/ports/access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { SpecialPricesRepository } from "./special-prices.repository";

export type SpecialPricesService = CustomerSubRecordService<
  SpecialPrice,
  SpecialPriceCreate,
  SpecialPriceUpdate,
  undefined,
  { items: SpecialPrice[] }
>;

/** Special prices follow the sub-record rules; their own: managers set them, one per item and currency (409). */
export function createSpecialPricesService(
  prices: SpecialPricesRepository,
  ports: { customers: CustomerAccess; access: Access },
): SpecialPricesService {
  return customerSubRecordService(
    {
      what: "special price",
      permissions: { create: "prices:manage", change: "prices:manage" },
      list: async (customerId) => ({ items: await prices.listForCustomer(customerId) }),
      find: (id) => prices.findById(id),
      create: (customerId, input: SpecialPriceCreate, user) =>
        prices.create(
          customerId,
          {
            item: input.item,
            description: input.description ?? null,
            currency: input.currency,
            unitPrice: input.unitPrice,
            discountPercent: input.discountPercent,
            validFrom: optionalDay(input.validFrom) ?? null,
            validUntil: optionalDay(input.validUntil) ?? null,
          },
          user.id,
        ),
      async update(current, input: SpecialPriceUpdate) {
        // One end of the validity may change alone; the whole period must still make sense.
        const from = input.validFrom !== undefined ? input.validFrom : current.validFrom;
        const until = input.validUntil !== undefined ? input.validUntil : current.validUntil;
        if (from && until && until < from) throw badRequest("body.validUntil", "must not be before validFrom");
        const { version, validFrom, validUntil, ...rest } = input;
        return prices.update(current.id, version, {
          ...rest,
          // The duplicate message names the item and currency the price ends up with.
          item: input.item ?? current.item,
          currency: input.currency ?? current.currency,
          ...(validFrom !== undefined && { validFrom: optionalDay(validFrom) }),
          ...(validUntil !== undefined && { validUntil: optionalDay(validUntil) }),
        });
      },
      delete: (id) => prices.delete(id),
    },
    ports,
  );
}
