import type { CustomerRecord } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { notFound } from "../../shared/app-error";
import { toAction } from "../actions/action-rows";
import { toActivity } from "../activities/activities.repository";
import { toComment } from "../comments/comments.repository";
import { toConsentEntry } from "../consent/consent.repository";
import { consentChannels } from "../consent/consent.service";
import { toContact } from "../contacts/contacts.repository";
import { toCustomer } from "../customers/customers.repository";
import { toIncident, unresolvedFirst } from "../incidents/incidents.repository";
import { toLifecycleChange } from "../lifecycle/lifecycle.repository";
import { lifecycleSection } from "../lifecycle/lifecycle.service";
import { toNote } from "../notes/notes.repository";
import { openThenClosed, toOpportunity } from "../opportunities/opportunities.repository";
import { toOpenLoaners } from "../loaners/loaners.repository";
import { toThirdParty } from "../third-parties/third-parties.repository";
import { toSample } from "../samples/samples.repository";
import { toPaymentAgreement } from "../payments/payments.repository";
import type { RecordRepository } from "./record.repository";

export interface RecordService {
  /** The caller decides which lifecycle transitions the record offers. */
  get(customerId: string, user: CurrentUser): Promise<CustomerRecord>;
}

const SECTION_LIMIT = 20;
const ACTIONS_LIMIT = 50;

/**
 * Assembles the record the pane draws from one statement's rows, each section through its own
 * feature's mapper and order rules (the features own what their rows mean; the record owns only
 * which rows it shows). Reading is open to every signed-in user; the lifecycle's section is the one
 * that depends on the caller.
 */
export function createRecordService(records: RecordRepository): RecordService {
  return {
    async get(customerId, user) {
      const rows = await records.rows(customerId, { section: SECTION_LIMIT, actions: ACTIONS_LIMIT });
      if (!rows) throw notFound("customer", customerId);
      const customer = toCustomer(rows.customer);
      return {
        customer,
        contacts: rows.contacts.map(({ consent, ...contact }) => ({
          ...toContact(contact),
          consent: consentChannels(consent.map(toConsentEntry)),
        })),
        thirdParties: rows.thirdParties.map(toThirdParty),
        shipTo: rows.shipTo,
        activities: { future: rows.future.map(toActivity), history: rows.history.map(toActivity) },
        notes: rows.notes.map(toNote),
        emailLogCount: rows.emailLogCount,
        lifecycle: lifecycleSection(customer, user, rows.lifecycle.map(toLifecycleChange)),
        opportunities: openThenClosed(rows.openOpportunities, rows.closedOpportunities, SECTION_LIMIT).map(
          toOpportunity,
        ),
        incidents: unresolvedFirst(rows.openIncidents, rows.settledIncidents, SECTION_LIMIT).map(toIncident),
        openActions: rows.openActions.map(toAction),
        comments: rows.comments.map(toComment),
        openLoaners: toOpenLoaners(rows.openLoaners, user.timeZone),
        samples: rows.samples.map(toSample),
        paymentAgreements: rows.paymentAgreements.map(toPaymentAgreement),
      };
    },
  };
}
