import type { ConsentChannel, ConsentChannelState, CustomerRecord } from "contract";

/** A contact as the record carries it: with its current consent per channel. */
export type RecordContact = CustomerRecord["contacts"][number];

export const CHANNEL_LABEL: Record<ConsentChannel, string> = { EMAIL: "E-mail", PHONE: "Phone", POST: "Post" };
/** What a withdrawal means for the user, on a badge. */
export const WITHDRAWN_BADGE: Record<ConsentChannel, string> = {
  EMAIL: "No e-mail marketing",
  PHONE: "No phone marketing",
  POST: "No postal marketing",
};

export function withdrawnChannels(consent: ConsentChannelState[]): ConsentChannel[] {
  return consent.filter((state) => state.status === "WITHDRAWN").map((state) => state.channel);
}
