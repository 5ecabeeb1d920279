import { z } from "zod";
import { Id, IsoDate, IsoDateTime, Text, UserRef } from "./common.contract";

export const CONSENT_CHANNELS = ["EMAIL", "PHONE", "POST"] as const;
export const ConsentChannel = z.enum(CONSENT_CHANNELS);
export type ConsentChannel = z.infer<typeof ConsentChannel>;
export const ConsentStatus = z.enum(["GRANTED", "WITHDRAWN"]);

/** A contact gave or withdrew marketing consent on one channel: from where and on which day. */
export const ConsentRecordCreate = z.object({
  channel: ConsentChannel,
  status: ConsentStatus,
  /** e.g. web form, trade fair, phone call, letter. */
  source: Text(200),
  /** The day it was given or withdrawn; not in the future. */
  date: IsoDate,
});
export type ConsentRecordCreate = z.infer<typeof ConsentRecordCreate>;

export const ConsentEntry = z.object({
  id: Id,
  channel: ConsentChannel,
  status: ConsentStatus,
  source: z.string(),
  date: IsoDate,
  recordedBy: UserRef,
  recordedAt: IsoDateTime,
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;

/** One channel's current state: the latest entry, UNKNOWN when none was ever recorded. */
export const ConsentChannelState = z.object({
  channel: ConsentChannel,
  status: z.enum(["GRANTED", "WITHDRAWN", "UNKNOWN"]),
  current: ConsentEntry.nullable(),
});
export type ConsentChannelState = z.infer<typeof ConsentChannelState>;
/** Every channel, in the order of CONSENT_CHANNELS. */
export const ConsentChannels = z.array(ConsentChannelState);

/** Per channel the current state (UNKNOWN when never recorded) and every entry, newest first (kept for GDPR). */
export const ConsentView = z.object({
  contactId: Id,
  channels: ConsentChannels,
  history: z.array(ConsentEntry),
});
export type ConsentView = z.infer<typeof ConsentView>;
