import type { ConsentChannelState, ConsentEntry, ConsentRecordCreate, ConsentView } from "contract";
import { CONSENT_CHANNELS } from "contract";
import { dayInZone } from "contract/zoned-time";
import type { CurrentUser } from "../../auth/current-user";
import { badRequest } from "../../shared/app-error";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { ConsentRepository } from "./consent.repository";

export interface ConsentService {
  view(contactId: string): Promise<ConsentView>;
  record(contactId: string, input: ConsentRecordCreate, user: CurrentUser, now?: Date): Promise<ConsentView>;
}

/** Every channel's current state from entries newest first: the latest entry of a channel is current. */
export function consentChannels(newestFirst: ConsentEntry[]): ConsentChannelState[] {
  return CONSENT_CHANNELS.map((channel) => {
    // The latest recorded entry is the current state, even if it names an earlier day.
    const current = newestFirst.find((entry) => entry.channel === channel) ?? null;
    return { channel, status: current?.status ?? "UNKNOWN", current };
  });
}

export function createConsentService(consent: ConsentRepository, contacts: ContactAccess): ConsentService {
  const requireContact = (contactId: string) => contacts.customerOf(contactId);

  async function view(contactId: string): Promise<ConsentView> {
    const history = await consent.history(contactId);
    return { contactId, channels: consentChannels(history), history };
  }

  return {
    async view(contactId) {
      await requireContact(contactId);
      return view(contactId);
    },

    async record(contactId, input, user, now = new Date()) {
      await requireContact(contactId);
      // "Today" is the caller's today: a consent given this morning in Sydney is not in the future.
      if (input.date > dayInZone(now, user.timeZone)) throw badRequest("body.date", "must not be in the future");
      await consent.record(contactId, input, user.id);
      return view(contactId);
    },
  };
}
