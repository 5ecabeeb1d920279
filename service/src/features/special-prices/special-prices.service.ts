import type { SpecialPrice, SpecialPriceCreate, SpecialPriceUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { badRequest, notFound } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import type { CustomersRepository } from "../customers/customers.repository";
import type { SpecialPricesRepository } from "./special-prices.repository";

export interface SpecialPricesService {
  list(customerId: string): Promise<SpecialPrice[]>;
  create(customerId: string, input: SpecialPriceCreate, user: CurrentUser): Promise<SpecialPrice>;
  update(id: string, input: SpecialPriceUpdate, user: CurrentUser): Promise<SpecialPrice>;
  delete(id: string, user: CurrentUser): Promise<void>;
}

export function createSpecialPricesService(
  prices: SpecialPricesRepository,
  customers: CustomersRepository,
): SpecialPricesService {
  const requireCustomer = async (customerId: string) => {
    if (!(await customers.exists(customerId))) throw notFound("customer", customerId);
  };
  return {
    async list(customerId) {
      await requireCustomer(customerId);
      return prices.listForCustomer(customerId);
    },

    async create(customerId, input, user) {
      requirePermission(user, "prices:manage");
      await requireCustomer(customerId);
      return prices.create(
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
      );
    },

    async update(id, input, user) {
      requirePermission(user, "prices:manage");
      const current = await prices.findById(id);
      if (!current) throw notFound("special price", id);
      // One end of the validity may change alone; the whole period must still make sense.
      const from = input.validFrom !== undefined ? input.validFrom : current.validFrom;
      const until = input.validUntil !== undefined ? input.validUntil : current.validUntil;
      if (from && until && until < from) throw badRequest("body.validUntil", "must not be before validFrom");
      const { version, validFrom, validUntil, ...rest } = input;
      return prices.update(id, version, {
        ...rest,
        // The duplicate message names the item and currency the price ends up with.
        item: input.item ?? current.item,
        currency: input.currency ?? current.currency,
        ...(validFrom !== undefined && { validFrom: optionalDay(validFrom) }),
        ...(validUntil !== undefined && { validUntil: optionalDay(validUntil) }),
      });
    },

    async delete(id, user) {
      requirePermission(user, "prices:manage");
      if (!(await prices.delete(id))) throw notFound("special price", id);
    },
  };
}
