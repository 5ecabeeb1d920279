import { z } from "zod";
import { Activity, ActivityType, CallOutcome } from "./activities.contract";
import { Id, IsoDateTime, OptionalText, Text, TimeZone } from "./common.contract";
import { SamplesHandedOver } from "./samples.contract";

/** A cold call in one step: the finished call with its outcome and, optionally, the follow-up it led to. */
export const ColdCallCreate = z.object({
  customerId: Id,
  contactId: Id.nullable().optional(),
  outcome: CallOutcome,
  /** Defaults to "Cold call: <outcome>". */
  subject: Text(255).optional(),
  notes: OptionalText(20000),
  /** When the call started; defaults to durationMinutes before now. */
  startedAt: IsoDateTime.optional(),
  durationMinutes: z.number().int().min(0).max(600).default(5),
  /** Defaults to the caller's time zone. */
  timeZone: TimeZone.optional(),
  followUp: z
    .object({
      type: ActivityType.default("CALL"),
      subject: Text(255),
      notes: OptionalText(20000),
      startsAt: IsoDateTime,
      durationMinutes: z.number().int().min(0).max(10080).default(30),
      reminderMinutesBefore: z.number().int().min(0).max(40320).nullable().default(15),
    })
    .optional(),
  /** Samples handed over on the call, saved with it (a failed check saves neither). */
  samples: SamplesHandedOver.optional(),
});
export type ColdCallCreate = z.infer<typeof ColdCallCreate>;

export const ColdCallResult = z.object({
  /** A finished CALL activity owned by the caller. */
  call: Activity,
  outcome: CallOutcome,
  /** The planned follow-up, when one was asked for. */
  followUp: Activity.nullable(),
});
export type ColdCallResult = z.infer<typeof ColdCallResult>;
