import { z } from "zod";
import { Id, IsoDateTime, OptionalText, Text, UserRef } from "./common.contract";

// ---- Samples handed over at a call or visit (pharmaceutical and equipment field sales).

/** The most a call or visit hands over in one go, and of one item. */
export const MAX_SAMPLES_PER_ACTIVITY = 20;
export const MAX_SAMPLE_QUANTITY = 1000;

/**
 * One item handed over, as the cold call and the visit finish send it. The contact defaults to the
 * activity's own; either way it must be one of the activity's customer's contacts.
 */
export const SampleHandOver = z.object({
  contactId: Id.nullable().optional(),
  itemCode: Text(50),
  description: OptionalText(200),
  quantity: z.number().int().min(1).max(MAX_SAMPLE_QUANTITY),
  /** The lot number: traceability asks which lots went to whom when one is recalled. */
  batch: Text(50),
});
export type SampleHandOver = z.infer<typeof SampleHandOver>;

export const SamplesHandedOver = z.array(SampleHandOver).max(MAX_SAMPLES_PER_ACTIVITY);

export const Sample = z.object({
  id: Id,
  customerId: Id,
  activityId: Id,
  contact: z.object({ id: Id, name: z.string() }),
  itemCode: z.string(),
  description: z.string().nullable(),
  quantity: z.number().int(),
  batch: z.string(),
  /** When the call or visit took place. */
  handedOverAt: IsoDateTime,
  handedOverBy: UserRef,
});
export type Sample = z.infer<typeof Sample>;
