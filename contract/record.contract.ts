import { z } from "zod";
import { Activity } from "./activities.contract";
import { CustomerComment } from "./comments.contract";
import { Contact } from "./contacts.contract";
import { Customer } from "./customers.contract";
import { LifecycleSection } from "./lifecycle.contract";
import { Note } from "./notes.contract";
import { Action, Incident, Opportunity } from "./opportunities.contract";

/** Everything the task pane shows for one customer, in one call. */
export const CustomerRecord = z.object({
  customer: Customer,
  contacts: z.array(Contact),
  activities: z.object({ future: z.array(Activity), history: z.array(Activity) }),
  notes: z.array(Note),
  emailLogCount: z.number().int(),
  /** State, the transitions the caller may perform now (the pane offers only these), history. */
  lifecycle: LifecycleSection,
  /** Open ones first, each with its actions. */
  opportunities: z.array(Opportunity),
  incidents: z.array(Incident),
  /** Not done yet: the customer's own, its opportunities' and incidents', its contacts'; soonest due first. */
  openActions: z.array(Action),
  /** Pinned first, then newest first; the latest few (the comments route pages through all). */
  comments: z.array(CustomerComment),
});
export type CustomerRecord = z.infer<typeof CustomerRecord>;
