import type { ThirdParty, ThirdPartyCreate, ThirdPartyUpdate } from "contract";
import { badRequest, notFound } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import type { CustomersRepository } from "../customers/customers.repository";
import type { ThirdPartiesRepository } from "./third-parties.repository";

export interface ThirdPartiesService {
  create(customerId: string, input: ThirdPartyCreate, userId: string): Promise<ThirdParty>;
  update(id: string, input: ThirdPartyUpdate): Promise<ThirdParty>;
  list(customerId: string): Promise<ThirdParty[]>;
  delete(id: string): Promise<void>;
}

export function createThirdPartiesService(
  thirdParties: ThirdPartiesRepository,
  customers: CustomersRepository,
): ThirdPartiesService {
  const requireCustomer = async (customerId: string) => {
    if (!(await customers.exists(customerId))) throw notFound("customer", customerId);
  };
  return {
    async create(customerId, input, userId) {
      await requireCustomer(customerId);
      return thirdParties.create(
        customerId,
        {
          name: input.name,
          role: input.role,
          email: input.email ?? null,
          phone: input.phone ?? null,
          contractNumber: input.contractNumber ?? null,
          contractStart: optionalDay(input.contractStart) ?? null,
          contractEnd: optionalDay(input.contractEnd) ?? null,
          notes: input.notes ?? null,
        },
        userId,
      );
    },

    async update(id, input) {
      const current = await thirdParties.findById(id);
      if (!current) throw notFound("third party", id);
      // One side of the contract period may change alone; the whole period must still make sense.
      const start = input.contractStart !== undefined ? input.contractStart : current.contractStart;
      const end = input.contractEnd !== undefined ? input.contractEnd : current.contractEnd;
      if (start && end && end < start) throw badRequest("body.contractEnd", "must not be before contractStart");
      const { version, contractStart, contractEnd, ...rest } = input;
      return thirdParties.update(id, version, {
        ...rest,
        ...(contractStart !== undefined && { contractStart: optionalDay(contractStart) }),
        ...(contractEnd !== undefined && { contractEnd: optionalDay(contractEnd) }),
      });
    },

    async list(customerId) {
      await requireCustomer(customerId);
      return thirdParties.listForCustomer(customerId);
    },

    async delete(id) {
      if (!(await thirdParties.delete(id))) throw notFound("third party", id);
    },
  };
}
