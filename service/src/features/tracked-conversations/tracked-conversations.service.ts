import type { NeverLogRule, NeverLogRuleCreate, TrackConversation, TrackedConversation } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { AppError, notFound } from "../../shared/app-error";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { TrackedConversationsRepository } from "./tracked-conversations.repository";

export interface TrackedConversationsService {
  track(input: TrackConversation, user: CurrentUser): Promise<{ created: boolean; tracked: TrackedConversation }>;
  listMine(user: CurrentUser): Promise<{ items: TrackedConversation[] }>;
  get(id: string): Promise<TrackedConversation>;
  stop(id: string, user: CurrentUser): Promise<void>;
  addRule(input: NeverLogRuleCreate, user: CurrentUser): Promise<NeverLogRule>;
  rulesFor(user: CurrentUser): Promise<{ items: NeverLogRule[] }>;
  getRule(id: string): Promise<NeverLogRule>;
  removeRule(id: string, user: CurrentUser): Promise<void>;
}

/** Conversations one user may track at once: each costs a look at every new message of two folders. */
export const MAX_TRACKED_PER_USER = 500;
/** Rules one user may have (the organisation's come on top). */
export const MAX_RULES_PER_USER = 500;

export function createTrackedConversationsService(deps: {
  repository: TrackedConversationsRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  now?: () => Date;
}): TrackedConversationsService {
  const { repository } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async track(input, user) {
      await deps.customers.require(input.customerId, "body.customerId");
      if (input.contactId) await deps.contacts.requireFor(input.contactId, input.customerId);
      const mine = await repository.listForUser(user.id);
      const same = mine.find((tracked) => tracked.conversationId === input.conversationId);
      if (!same && mine.length >= MAX_TRACKED_PER_USER)
        throw new AppError("conflict", `You track ${MAX_TRACKED_PER_USER} conversations already: stop one first`, [
          { field: "body.conversationId", message: "too many tracked conversations" },
        ]);
      const result = await repository.trackOnce(user.id, input, now());
      // One conversation goes to one customer: tracking it again for another would log it twice over.
      if (!result.created && result.tracked.customerId !== input.customerId)
        throw new AppError("conflict", `You track this conversation for ${result.tracked.customerName} already`, [
          { field: "body.conversationId", message: "is tracked for another customer" },
        ]);
      return result;
    },
    async listMine(user) {
      return { items: await repository.listForUser(user.id) };
    },
    async get(id) {
      const found = await repository.find(id);
      if (!found) throw notFound("Tracked conversation", id);
      const { userId: _userId, ...tracked } = found;
      return tracked;
    },
    async stop(id, user) {
      const found = await repository.find(id);
      if (!found) throw notFound("Tracked conversation", id);
      requirePermission(user, "tracking:stop", { owner: found.userId === user.id });
      await repository.remove(id);
    },
    async addRule(input, user) {
      if (input.scope === "ORGANIZATION") requirePermission(user, "never-log:organization", {}, "body.scope");
      else {
        requirePermission(user, "never-log:own");
        const own = (await repository.rulesFor(user.id)).filter((rule) => rule.scope === "USER");
        if (own.length >= MAX_RULES_PER_USER)
          throw new AppError("conflict", `You have ${MAX_RULES_PER_USER} never-log rules already`, [
            { field: "body.value", message: "too many rules" },
          ]);
      }
      return repository.createRule(input.scope, input.scope === "USER" ? user.id : null, input.value, user.id);
    },
    async rulesFor(user) {
      return { items: await repository.rulesFor(user.id) };
    },
    async getRule(id) {
      const rule = await repository.findRule(id);
      if (!rule) throw notFound("Never-log rule", id);
      const { userId: _userId, ...shown } = rule;
      return shown;
    },
    async removeRule(id, user) {
      const rule = await repository.findRule(id);
      if (!rule) throw notFound("Never-log rule", id);
      if (rule.scope === "ORGANIZATION") requirePermission(user, "never-log:organization");
      else requirePermission(user, "never-log:drop", { owner: rule.userId === user.id });
      await repository.removeRule(id);
    },
  };
}
