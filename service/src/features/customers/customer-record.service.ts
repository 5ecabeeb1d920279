import type { CustomerRecord } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import type { ActivitiesRepository } from "../activities/activities.repository";
import type { CommentsRepository } from "../comments/comments.repository";
import type { ConsentRepository } from "../consent/consent.repository";
import { consentChannels } from "../consent/consent.service";
import type { ContactsRepository } from "../contacts/contacts.repository";
import type { EmailLogRepository } from "../email-log/email-log.repository";
import type { LifecycleService } from "../lifecycle/lifecycle.service";
import type { ActionsRepository } from "../actions/actions.repository";
import type { IncidentsRepository } from "../incidents/incidents.repository";
import type { OpportunitiesRepository } from "../opportunities/opportunities.repository";
import type { NotesRepository } from "../notes/notes.repository";
import type { ShipToRepository } from "../ship-to/ship-to.repository";
import type { ThirdPartiesRepository } from "../third-parties/third-parties.repository";
import type { CustomersService } from "./customers.service";

export interface CustomerRecordService {
  /** The caller decides which lifecycle transitions the record offers. */
  get(customerId: string, user: CurrentUser): Promise<CustomerRecord>;
}

const SECTION_LIMIT = 20;
const ACTIONS_LIMIT = 50;

/** Assembles the record the pane draws, so that opening an email costs one round trip. */
export function createCustomerRecordService(deps: {
  customers: CustomersService;
  contacts: ContactsRepository;
  activities: ActivitiesRepository;
  notes: NotesRepository;
  emailLog: EmailLogRepository;
  lifecycle: LifecycleService;
  opportunities: OpportunitiesRepository;
  incidents: IncidentsRepository;
  actions: ActionsRepository;
  consent: ConsentRepository;
  thirdParties: ThirdPartiesRepository;
  shipTo: ShipToRepository;
  comments: CommentsRepository;
}): CustomerRecordService {
  return {
    async get(customerId, user) {
      const customer = await deps.customers.get(customerId);
      // One round of queries: everything but the customer itself (which the lifecycle needs) at once.
      const [
        contacts,
        activities,
        notes,
        emailLogCount,
        lifecycle,
        opportunities,
        incidents,
        openActions,
        consent,
        thirdParties,
        shipTo,
        comments,
      ] = await Promise.all([
        deps.contacts.listForCustomer(customerId),
        deps.activities.forRecord(customerId, SECTION_LIMIT),
        deps.notes.latestForCustomer(customerId, SECTION_LIMIT),
        deps.emailLog.countForCustomer(customerId),
        deps.lifecycle.section(customer, user),
        deps.opportunities.listForCustomer(customerId, SECTION_LIMIT),
        deps.incidents.listForCustomer(customerId, SECTION_LIMIT),
        deps.actions.openForCustomer(customerId, ACTIONS_LIMIT),
        deps.consent.currentForCustomer(customerId),
        deps.thirdParties.listForCustomer(customerId),
        deps.shipTo.listForCustomer(customerId),
        deps.comments.latestForCustomer(customerId, SECTION_LIMIT),
      ]);
      return {
        customer,
        contacts: contacts.map((contact) => ({ ...contact, consent: consentChannels(consent.get(contact.id) ?? []) })),
        thirdParties,
        shipTo,
        activities,
        notes,
        emailLogCount,
        lifecycle,
        opportunities,
        incidents,
        openActions,
        comments,
      };
    },
  };
}
