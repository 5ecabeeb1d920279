import type { CustomerRecord } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { ActionsRepository } from "../actions/actions.repository";
import type { ActivitiesRepository } from "../activities/activities.repository";
import type { CommentsRepository } from "../comments/comments.repository";
import type { ConsentRepository } from "../consent/consent.repository";
import { consentChannels } from "../consent/consent.service";
import type { ContactsRepository } from "../contacts/contacts.repository";
import type { EmailLogRepository } from "../email-log/email-log.repository";
import type { IncidentsRepository } from "../incidents/incidents.repository";
import type { LifecycleService } from "../lifecycle/lifecycle.service";
import type { NotesRepository } from "../notes/notes.repository";
import type { OpportunitiesRepository } from "../opportunities/opportunities.repository";
import type { ShipToRepository } from "../ship-to/ship-to.repository";
import type { ThirdPartiesRepository } from "../third-parties/third-parties.repository";

export interface RecordService {
  /** The caller decides which lifecycle transitions the record offers. */
  get(customerId: string, user: CurrentUser): Promise<CustomerRecord>;
}

/**
 * What the record reads of each feature it shows: one read each, named here, so a feature's other
 * methods stay out of reach. Reading is open to every signed-in user, so these are plain reads
 * (the lifecycle's section is the one that depends on the caller); app.ts wires the features' own.
 */
export interface RecordSources {
  customers: Pick<CustomerAccess, "get">;
  contacts: Pick<ContactsRepository, "listForCustomer">;
  activities: Pick<ActivitiesRepository, "forRecord">;
  notes: Pick<NotesRepository, "latestForCustomer">;
  emailLog: Pick<EmailLogRepository, "countForCustomer">;
  lifecycle: Pick<LifecycleService, "section">;
  opportunities: Pick<OpportunitiesRepository, "listForCustomer">;
  incidents: Pick<IncidentsRepository, "listForCustomer">;
  actions: Pick<ActionsRepository, "openForCustomer">;
  consent: Pick<ConsentRepository, "currentForCustomer">;
  thirdParties: Pick<ThirdPartiesRepository, "listForCustomer">;
  shipTo: Pick<ShipToRepository, "listForCustomer">;
  comments: Pick<CommentsRepository, "latestForCustomer">;
}

const SECTION_LIMIT = 20;
const ACTIONS_LIMIT = 50;

/** Assembles the record the pane draws, so that opening an email costs one round trip. */
export function createRecordService(sources: RecordSources): RecordService {
  return {
    async get(customerId, user) {
      const customer = await sources.customers.get(customerId);
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
        sources.contacts.listForCustomer(customerId),
        sources.activities.forRecord(customerId, SECTION_LIMIT),
        sources.notes.latestForCustomer(customerId, SECTION_LIMIT),
        sources.emailLog.countForCustomer(customerId),
        sources.lifecycle.section(customer, user),
        sources.opportunities.listForCustomer(customerId, SECTION_LIMIT),
        sources.incidents.listForCustomer(customerId, SECTION_LIMIT),
        sources.actions.openForCustomer(customerId, ACTIONS_LIMIT),
        sources.consent.currentForCustomer(customerId),
        sources.thirdParties.listForCustomer(customerId),
        sources.shipTo.listForCustomer(customerId),
        sources.comments.latestForCustomer(customerId, SECTION_LIMIT),
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
