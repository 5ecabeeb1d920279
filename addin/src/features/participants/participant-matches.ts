import { type LookupCandidate, type LookupMatch, lookupCandidates } from "contract";
import type { MailAddress } from "../../office/mail-item.types";

export type LookupContact = LookupMatch["contacts"][number];

/** A customer one or more participants point to, with the contact to show for it. */
export type CustomerCandidate = LookupCandidate;

/**
 * The customers behind the participants, sender first, each once, by the rule the lookup shares
 * (lookupCandidates: contacts first, else the domains, an ambiguous domain yielding every customer).
 */
export function customerCandidates(participants: MailAddress[], matches: LookupMatch[]): CustomerCandidate[] {
  const byEmail = new Map(matches.map((match) => [match.email.toLowerCase(), match]));
  return lookupCandidates(participants.flatMap((participant) => byEmail.get(participant.email.toLowerCase()) ?? []));
}
