import type { ConsentChannel, ConsentChannelState, CustomerRecord } from "contract";

/** A contact as the record carries it: with its current consent per channel. */
export type RecordContact = CustomerRecord["contacts"][number];

export function withdrawnChannels(consent: ConsentChannelState[]): ConsentChannel[] {
  return consent.filter((state) => state.status === "WITHDRAWN").map((state) => state.channel);
}
