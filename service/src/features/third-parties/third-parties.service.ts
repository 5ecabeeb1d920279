import type { ThirdParty, ThirdPartyCreate, ThirdPartyUpdate } from "contract";
import { badRequest } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import { type CustomerSubRecordService, customerSubRecordService } from "../../shared/customer-sub-record.service";
import type { Access } from "../../shared/ports/access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { ThirdPartiesRepository } from "./third-parties.repository";

export type ThirdPartiesService = CustomerSubRecordService<
  ThirdParty,
  ThirdPartyCreate,
  ThirdPartyUpdate,
  undefined,
  { items: ThirdParty[] }
>;

/** Third parties follow the sub-record rules; their own: a contract period that makes sense. */
export function createThirdPartiesService(
  thirdParties: ThirdPartiesRepository,
  ports: { customers: CustomerAccess; access: Access },
): ThirdPartiesService {
  return customerSubRecordService(
    {
      what: "third party",
      permissions: { create: "third-parties:write", change: "third-parties:write" },
      list: async (customerId) => ({ items: await thirdParties.listForCustomer(customerId) }),
      find: (id) => thirdParties.findById(id),
      create: (customerId, input: ThirdPartyCreate, user) =>
        thirdParties.create(
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
          user.id,
        ),
      async update(current, input: ThirdPartyUpdate) {
        // One side of the contract period may change alone; the whole period must still make sense.
        const start = input.contractStart !== undefined ? input.contractStart : current.contractStart;
        const end = input.contractEnd !== undefined ? input.contractEnd : current.contractEnd;
        if (start && end && end < start) throw badRequest("body.contractEnd", "must not be before contractStart");
        const { version, contractStart, contractEnd, ...rest } = input;
        return thirdParties.update(current.id, version, {
          ...rest,
          ...(contractStart !== undefined && { contractStart: optionalDay(contractStart) }),
          ...(contractEnd !== undefined && { contractEnd: optionalDay(contractEnd) }),
        });
      },
      delete: (id) => thirdParties.delete(id),
    },
    ports,
  );
}
