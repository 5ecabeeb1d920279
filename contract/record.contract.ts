import { z } from "zod";
import { Activity } from "./activities.contract";
import { CustomerComment } from "./comments.contract";
import { ConsentChannels } from "./consent.contract";
import { Contact } from "./contacts.contract";
import { Customer } from "./customers.contract";
import { LifecycleSection } from "./lifecycle.contract";
import { OpenLoaner } from "./loaners.contract";
import { Note } from "./notes.contract";
import { Action, Incident, Opportunity } from "./opportunities.contract";
import { ShipTo, ThirdParty } from "./third-parties.contract";
import { Sample } from "./samples.contract";
import { PaymentAgreement } from "./payments.contract";

/** Everything the task pane shows for one customer, in one call. */
export const CustomerRecord = z.object({
  customer: Customer,
  /** Each with its current marketing consent per channel. */
  contacts: z.array(Contact.extend({ consent: ConsentChannels })),
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
  /** By role, then name. */
  thirdParties: z.array(ThirdParty),
  shipTo: z.array(ShipTo),
  /** Loaner orders not returned yet, soonest due first, each flagged when overdue. */
  openLoaners: z.array(OpenLoaner),
  /** Samples handed over, newest first; the latest few. */
  samples: z.array(Sample),
  /** Payment agreements, newest first, each with its remaining amount and latest payments. */
  paymentAgreements: z.array(PaymentAgreement),
});
export type CustomerRecord = z.infer<typeof CustomerRecord>;
