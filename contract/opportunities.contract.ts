import { z } from "zod";
import { Id, IsoDate, IsoDateTime, OptionalText, Text, UserRef, VersionField } from "./common.contract";
import { Amount, Currency } from "./money.contract";

export const OPPORTUNITY_STAGES = ["PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST"] as const;
export const OpportunityStage = z.enum(OPPORTUNITY_STAGES);
export type OpportunityStage = z.infer<typeof OpportunityStage>;
export const INCIDENT_SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const IncidentSeverity = z.enum(INCIDENT_SEVERITIES);
export const INCIDENT_STATES = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"] as const;
export const IncidentState = z.enum(INCIDENT_STATES);
export type IncidentState = z.infer<typeof IncidentState>;

const Probability = z.number().int().min(0).max(100);

// ---- Actions: tasks with a due day and an owner, on an opportunity, an incident, a customer or a contact.

const ActionFields = z.object({
  title: Text(255),
  notes: OptionalText(5000),
  dueDate: IsoDate.nullable().optional(),
  ownerId: Id.optional(),
});

const PARENTS = ["opportunityId", "incidentId", "customerId", "contactId"] as const;
export const ActionCreate = ActionFields.extend({
  opportunityId: Id.optional(),
  incidentId: Id.optional(),
  customerId: Id.optional(),
  contactId: Id.optional(),
}).refine((value) => PARENTS.filter((key) => value[key] !== undefined).length === 1, {
  message: "give exactly one of opportunityId, incidentId, customerId, contactId",
  path: ["opportunityId"],
});
export type ActionCreate = z.infer<typeof ActionCreate>;

export const ActionUpdate = ActionFields.partial().extend({ done: z.boolean().optional() }).extend(VersionField.shape);
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const Action = z.object({
  id: Id,
  title: z.string(),
  notes: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  owner: UserRef,
  done: z.boolean(),
  doneAt: IsoDateTime.nullable(),
  opportunityId: Id.nullable(),
  incidentId: Id.nullable(),
  customerId: Id.nullable(),
  contactId: Id.nullable(),
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type Action = z.infer<typeof Action>;

export const ActionListQuery = z.object({
  customerId: Id.optional(),
  contactId: Id.optional(),
  opportunityId: Id.optional(),
  incidentId: Id.optional(),
  /** Only the caller's actions. */
  mine: z.enum(["true", "false"]).default("false"),
  /** Open (not done) only, the default; "false" includes done ones. */
  open: z.enum(["true", "false"]).default("true"),
});
export type ActionListQuery = z.infer<typeof ActionListQuery>;
export const ActionList = z.object({ items: z.array(Action) });

// ---- Opportunities and incidents: both hang on a customer, have an owner and carry their actions.

/** Create takes the customer and the defaults; update takes any of the fields and the version loaded. */
function customerItemWrites<Fields extends z.ZodRawShape, Defaults extends z.ZodRawShape>(
  fields: z.ZodObject<Fields>,
  defaults: Defaults,
) {
  return {
    create: fields.extend({ customerId: Id }).extend(defaults),
    update: fields.partial().extend(VersionField.shape),
  };
}

/** What the service adds to every opportunity and incident it returns. */
const CustomerItemStamp = z.object({
  id: Id,
  customerId: Id,
  owner: UserRef,
  createdBy: UserRef,
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
  actions: z.array(Action),
});

// No defaults in the fields: zod applies defaults inside .partial(), and an update must not reset what it omits.
export const { create: OpportunityCreate, update: OpportunityUpdate } = customerItemWrites(
  z.object({
    title: Text(255),
    value: Amount,
    currency: Currency,
    stage: OpportunityStage,
    expectedCloseDate: IsoDate.nullable().optional(),
    /** Percent; defaults by stage when not given. */
    probability: Probability.optional(),
    ownerId: Id.optional(),
  }),
  { currency: Currency.default("EUR"), stage: OpportunityStage.default("PROSPECTING") },
);
export type OpportunityCreate = z.infer<typeof OpportunityCreate>;
export type OpportunityUpdate = z.infer<typeof OpportunityUpdate>;

export const Opportunity = CustomerItemStamp.extend({
  title: z.string(),
  value: z.string(),
  currency: z.string(),
  stage: OpportunityStage,
  expectedCloseDate: IsoDate.nullable(),
  probability: z.number().int(),
});
export type Opportunity = z.infer<typeof Opportunity>;

// ---- Incidents

export const { create: IncidentCreate, update: IncidentUpdate } = customerItemWrites(
  z.object({
    contactId: Id.nullable().optional(),
    subject: Text(255),
    description: OptionalText(20000),
    severity: IncidentSeverity,
    state: IncidentState,
    ownerId: Id.optional(),
  }),
  { severity: IncidentSeverity.default("MEDIUM"), state: IncidentState.default("OPEN") },
);
export type IncidentCreate = z.infer<typeof IncidentCreate>;
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

export const Incident = CustomerItemStamp.extend({
  contactId: Id.nullable(),
  subject: z.string(),
  description: z.string().nullable(),
  severity: IncidentSeverity,
  state: IncidentState,
});
export type Incident = z.infer<typeof Incident>;

export const CustomerItemsQuery = z.object({ customerId: Id });
export const OpportunityList = z.object({ items: z.array(Opportunity) });
export const IncidentList = z.object({ items: z.array(Incident) });
