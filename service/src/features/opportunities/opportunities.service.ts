import type { Opportunity, OpportunityCreate, OpportunityStage, OpportunityUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { notFound } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import type { Access } from "../../shared/ports/access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { UserDirectory } from "../../shared/ports/user-directory.port";
import type { OpportunitiesRepository } from "./opportunities.repository";

export interface OpportunitiesService {
  create(input: OpportunityCreate, user: CurrentUser): Promise<Opportunity>;
  update(id: string, input: OpportunityUpdate, user: CurrentUser): Promise<Opportunity>;
  get(id: string): Promise<Opportunity>;
  list(customerId: string): Promise<Opportunity[]>;
}

/** The probability an opportunity gets when none is given: by stage; won and lost are certain. */
const STAGE_PROBABILITY: Record<OpportunityStage, number> = {
  PROSPECTING: 10,
  QUALIFICATION: 25,
  PROPOSAL: 50,
  NEGOTIATION: 75,
  WON: 100,
  LOST: 0,
};

const LIST_LIMIT = 200;

export function createOpportunitiesService(deps: {
  opportunities: OpportunitiesRepository;
  customers: CustomerAccess;
  users: UserDirectory;
  access: Access;
}): OpportunitiesService {
  const { opportunities, customers, users, access } = deps;
  const get = async (id: string) => (await opportunities.findById(id)) ?? Promise.reject(notFound("opportunity", id));
  return {
    get,
    // An unknown customer has no opportunities: the list is empty, not a 404.
    list: (customerId) => opportunities.listForCustomer(customerId, LIST_LIMIT),

    async create(input, user) {
      await customers.require(input.customerId, "body.customerId");
      if (input.ownerId) await users.require(input.ownerId);
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
      if (input.ownerId) await users.require(input.ownerId);
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
