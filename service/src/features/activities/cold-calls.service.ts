import { CALL_OUTCOME_LABELS, type ColdCallCreate, type ColdCallResult } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { ActivitiesRepository, ActivityWrite } from "./activities.repository";
import type { ColdCallsRepository } from "./cold-calls.repository";
import type { SampleRecorder } from "../../shared/ports/sample-recorder.port";

export interface ColdCallsService {
  record(input: ColdCallCreate, user: CurrentUser, now?: Date): Promise<ColdCallResult>;
}

const minutes = (count: number) => count * 60_000;

export function createColdCallsService(deps: {
  coldCalls: ColdCallsRepository;
  activities: ActivitiesRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  samples: SampleRecorder;
}): ColdCallsService {
  return {
    async record(input, user, now = new Date()) {
      await deps.customers.require(input.customerId, "body.customerId");
      if (input.contactId) await deps.contacts.requireFor(input.contactId, input.customerId);
      const timeZone = input.timeZone ?? user.timeZone;
      const startsAt = input.startedAt
        ? new Date(input.startedAt)
        : new Date(now.getTime() - minutes(input.durationMinutes));
      const links = { ownerId: user.id, customerId: input.customerId, contactId: input.contactId ?? null };
      const call: ActivityWrite = {
        ...links,
        type: "CALL",
        templateId: null,
        subject: input.subject ?? `Cold call: ${CALL_OUTCOME_LABELS[input.outcome].toLowerCase()}`,
        notes: input.notes ?? null,
        location: null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes(input.durationMinutes)),
        timeZone,
        allDay: false,
        status: "FINISHED",
        reminderMinutesBefore: null,
        finishedAt: now,
        outcome: null,
        onlineMeeting: false,
      };
      const next = input.followUp;
      const followUp: ActivityWrite | null = next
        ? {
            ...links,
            type: next.type,
            templateId: null,
            subject: next.subject,
            notes: next.notes ?? null,
            location: null,
            startsAt: new Date(next.startsAt),
            endsAt: new Date(Date.parse(next.startsAt) + minutes(next.durationMinutes)),
            timeZone,
            allDay: false,
            status: "PLANNED",
            reminderMinutesBefore: next.reminderMinutesBefore,
            finishedAt: null,
            outcome: null,
            onlineMeeting: false,
          }
        : null;
      // Checked before anything is written; written with the call, so both or neither are saved.
      const samples = input.samples?.length
        ? await deps.samples.prepare(input.samples, links, user, "body.samples")
        : undefined;
      const { callId, followUpId } = await deps.coldCalls.record(call, input.outcome, followUp, user.id, samples);
      const [callActivity, followUpActivity] = await Promise.all([
        deps.activities.findById(callId),
        followUpId ? deps.activities.findById(followUpId) : null,
      ]);
      return { call: callActivity!, outcome: input.outcome, followUp: followUpActivity };
    },
  };
}
