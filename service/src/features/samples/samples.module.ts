import type { SampleHandOver } from "contract";
import { badRequest } from "../../shared/app-error";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { SampleRecorder } from "../../shared/ports/sample-recorder.port";
import { type SampleWrite, writeSamples } from "./samples.repository";

/**
 * Samples handed over at calls and visits. They have no route of their own: a cold call or a visit's
 * finish records them (in its transaction), and the record lists them. Whoever may record the call
 * or finish the visit may record what was handed over at it.
 */
export function samplesModule(ports: { contacts: ContactAccess }): { recorder: SampleRecorder } {
  async function resolve(
    sample: SampleHandOver,
    activity: { customerId: string | null; contactId: string | null },
    field: string,
  ): Promise<SampleWrite> {
    if (!activity.customerId) throw badRequest(field, "samples can only be recorded on an activity with a customer");
    const contactId = sample.contactId ?? activity.contactId;
    if (!contactId) throw badRequest(`${field}.contactId`, "is required when the activity has no contact");
    // Traceability: a sample goes to a named contact of the customer the call or visit was with.
    const contactCustomer = await ports.contacts.customerOf(contactId, `${field}.contactId`);
    if (contactCustomer !== activity.customerId)
      throw badRequest(`${field}.contactId`, "must be a contact of the activity's customer");
    return {
      customerId: activity.customerId,
      contactId,
      itemCode: sample.itemCode,
      description: sample.description ?? null,
      quantity: sample.quantity,
      batch: sample.batch,
    };
  }
  return {
    recorder: {
      async prepare(samples, activity, user, field) {
        const writes: SampleWrite[] = [];
        // One at a time: the first sample that does not fit is the one the error names.
        for (const [index, sample] of samples.entries())
          writes.push(await resolve(sample, activity, `${field}.${index}`));
        return (tx, saved) => writeSamples(tx, saved, writes, user.id);
      },
    },
  };
}
