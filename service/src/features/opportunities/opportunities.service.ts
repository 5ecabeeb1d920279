import type { Opportunity, OpportunityCreate, OpportunityStage, OpportunityUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import type { Access } from "../../auth/permissions";
import { notFound } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import { requireUser } from "../actions/actions.service";
import type { CustomersRepository } from "../customers/customers.repository";
import type { UsersRepository } from "../users/users.repository";
import type { OpportunitiesRepository } from "./opportunities.repository";

export interface OpportunitiesService {
  create(input: OpportunityCreate, user: CurrentUser): Promise<Opportunity>;
  update(id: string, input: OpportunityUpdate, user: CurrentUser): Promise<Opportunity>;
  get(id: string): Promise<Opportunity>;
}

/** The probability an opportunity gets when none is given: by stage; won and lost are certain. */
export const STAGE_PROBABILITY: Record<OpportunityStage, number> = {
  PROSPECTING: 10,
  QUALIFICATION: 25,
  PROPOSAL: 50,
  NEGOTIATION: 75,
  WON: 100,
  LOST: 0,
};

export function createOpportunitiesService(
  opportunities: OpportunitiesRepository,
  customers: CustomersRepository,
  users: UsersRepository,
  access: Access,
): OpportunitiesService {
  const get = async (id: string) => (await opportunities.findById(id)) ?? Promise.reject(notFound("opportunity", id));
  return {
    get,

    async create(input, user) {
      if (!(await customers.exists(input.customerId))) throw notFound("customer", input.customerId, "body.customerId");
      if (input.ownerId) await requireUser(users, input.ownerId);
      return opportunities.create(
        input.customerId,
        {
          title: input.title,
          value: input.value,
          currency: input.currency,
          stage: input.stage,
          expectedCloseDate: optionalDay(input.expectedCloseDate) ?? null,
          probability: input.probability ?? STAGE_PROBABILITY[input.stage],
          ownerId: input.ownerId ?? user.id,
        },
        user.id,
      );
    },

    async update(id, input, user) {
      const current = await get(id);
      await access.require(user, "opportunities:change", { ownerId: current.owner.id, customerId: current.customerId });
      if (input.ownerId) await requireUser(users, input.ownerId);
      const { version, expectedCloseDate, ...rest } = input;
      // Winning or losing settles the probability unless the caller says otherwise.
      const settled =
        input.probability === undefined && (input.stage === "WON" || input.stage === "LOST")
          ? { probability: STAGE_PROBABILITY[input.stage] }
          : {};
      return opportunities.update(id, version, {
        ...rest,
        ...settled,
        ...(expectedCloseDate !== undefined && { expectedCloseDate: optionalDay(expectedCloseDate) }),
      });
    },
  };
}
