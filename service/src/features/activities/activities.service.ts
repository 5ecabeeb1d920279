import type {
  Activity,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  ReminderList,
  ReminderQuery,
  Template,
  TemplateCreate,
  TemplateUpdate,
} from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { AppError, badRequest, notFound } from "../../shared/app-error";
import { type Page, pageOf } from "../../shared/page";
import { dayInZone, nextDay, startOfDayInZone } from "contract/zoned-time";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { UserDirectory } from "../../shared/ports/user-directory.port";
import type { ActivitiesRepository, ActivityWrite } from "./activities.repository";
import type { SampleRecorder } from "../../shared/ports/sample-recorder.port";
import type { TemplatesRepository } from "./templates.repository";

export interface ActivitiesService {
  create(input: ActivityCreate, user: CurrentUser): Promise<Activity>;
  update(id: string, input: ActivityUpdate, user: CurrentUser): Promise<Activity>;
  get(id: string): Promise<Activity>;
  list(query: ActivityListQuery): Promise<Page<Activity>>;
  reminders(query: ReminderQuery, user: CurrentUser, now?: Date): Promise<ReminderList>;
  listTemplates(): Promise<Template[]>;
  getTemplate(id: string): Promise<Template>;
  createTemplate(input: TemplateCreate, user: CurrentUser): Promise<Template>;
  updateTemplate(id: string, input: TemplateUpdate, user: CurrentUser): Promise<Template>;
  /** "Send to Outlook again": an activity Outlook refused goes back to the outbox as it is now. */
  resendToOutlook(id: string, user: CurrentUser): Promise<Activity>;
}

interface Deps {
  activities: ActivitiesRepository;
  templates: TemplatesRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  users: UserDirectory;
  samples: SampleRecorder;
}

const DEFAULT_MINUTES = 30;

export function createActivitiesService({
  activities,
  templates,
  customers,
  contacts,
  users,
  samples,
}: Deps): ActivitiesService {
  /** Checks customer, contact and owner; a contact alone brings its customer along. */
  async function resolveLinks(links: { customerId?: string | null; contactId?: string | null; ownerId?: string }) {
    let customerId = links.customerId;
    if (customerId) await customers.require(customerId, "body.customerId");
    if (links.contactId) {
      const contactCustomerId = await contacts.requireFor(links.contactId, customerId);
      if (customerId === undefined || customerId === null) customerId = contactCustomerId ?? customerId;
    }
    if (links.ownerId) await users.require(links.ownerId, "body.ownerId");
    return customerId;
  }

  /**
   * Teams meetings are for meetings. Graph ignores isOnlineMeeting once it made the meeting ("the
   * meeting remains available online"), so one Outlook made cannot be turned off or become another type.
   */
  function checkOnlineMeeting(
    next: { type: ActivityWrite["type"]; onlineMeeting: boolean },
    current?: { onlineMeetingJoinUrl: string | null },
  ) {
    if (next.onlineMeeting && next.type !== "MEETING")
      throw badRequest("body.onlineMeeting", "only a MEETING can be a Teams meeting");
    if (current?.onlineMeetingJoinUrl && !next.onlineMeeting)
      throw badRequest("body.onlineMeeting", "Outlook keeps a Teams meeting online once it has made it");
  }

  const finishedAtFor = (status: ActivityWrite["status"], previous: Date | null) =>
    status === "FINISHED" ? (previous ?? new Date()) : null;

  /**
   * An outcome belongs to a finished activity, a call outcome to a finished call: given for anything
   * else it is a 400 naming the field (the pane never sends it, so it is a caller's mistake).
   */
  function checkOutcomes(
    input: { outcome?: string | null; callOutcome?: string | null },
    status: ActivityWrite["status"],
    type: ActivityWrite["type"],
  ) {
    if (input.outcome && status !== "FINISHED")
      throw badRequest("body.outcome", "can only be given for a finished activity (status FINISHED)");
    if (input.callOutcome && status !== "FINISHED")
      throw badRequest("body.callOutcome", "can only be given for a finished activity (status FINISHED)");
    if (input.callOutcome && type !== "CALL") throw badRequest("body.callOutcome", "can only be given for a call");
  }

  return {
    async create(input, user) {
      const template = input.templateId ? await templates.findById(input.templateId) : null;
      if (input.templateId && !template) throw notFound("activity template", input.templateId, "body.templateId");
      const type = input.type ?? template?.type;
      if (type) checkOutcomes(input, input.status, type);
      const customerId = await resolveLinks(input);
      const startsAt = new Date(input.startsAt);
      const minutes = template?.durationMinutes ?? DEFAULT_MINUTES;
      const data: ActivityWrite = {
        type: input.type ?? template!.type,
        templateId: template?.id ?? null,
        subject: input.subject ?? template!.subject,
        notes: input.notes ?? template?.notes ?? null,
        location: input.location ?? null,
        startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + minutes * 60_000),
        timeZone: input.timeZone,
        allDay: input.allDay,
        status: input.status,
        reminderMinutesBefore:
          input.reminderMinutesBefore !== undefined
            ? input.reminderMinutesBefore
            : (template?.reminderMinutesBefore ?? 15),
        ownerId: input.ownerId ?? user.id,
        customerId: customerId ?? null,
        contactId: input.contactId ?? null,
        finishedAt: finishedAtFor(input.status, null),
        outcome: input.outcome ?? null,
        onlineMeeting: input.onlineMeeting ?? false,
      };
      checkOnlineMeeting(data);
      return activities.create(data, user.id, input.callOutcome ?? undefined);
    },

    async update(id, input, user) {
      const current = await activities.findWrite(id);
      if (!current) throw notFound("activity", id);
      requirePermission(user, "activities:change", { owner: current.ownerId === user.id });
      const customerId = await resolveLinks({
        customerId: input.customerId === undefined ? current.customerId : input.customerId,
        // A new customer must fit the contact the activity keeps, as a new contact must fit the customer.
        contactId: input.contactId !== undefined ? input.contactId : input.customerId ? current.contactId : undefined,
        ownerId: input.ownerId,
      });
      const startsAt = input.startsAt ? new Date(input.startsAt) : current.startsAt;
      // Moving the start keeps the duration unless a new end is given.
      const endsAt = input.endsAt
        ? new Date(input.endsAt)
        : new Date(startsAt.getTime() + (current.endsAt.getTime() - current.startsAt.getTime()));
      if (endsAt < startsAt) throw badRequest("body.endsAt", "must not be before startsAt");
      const status = input.status ?? current.status;
      const type = input.type ?? current.type;
      checkOutcomes(input, status, type);
      const onlineMeeting = input.onlineMeeting ?? current.onlineMeeting;
      if (input.type && input.type !== "MEETING" && current.onlineMeetingJoinUrl)
        throw badRequest("body.type", "a Teams meeting Outlook has made stays a MEETING");
      checkOnlineMeeting({ type, onlineMeeting }, current);
      const { version, callOutcome, samples: handedOver, ...changes } = input;
      if (handedOver?.length && status !== "FINISHED")
        throw badRequest("body.samples", "can only be given when finishing an activity (status FINISHED)");
      // Checked before anything is written, written in the finish's transaction: both or neither.
      const also = handedOver?.length
        ? await samples.prepare(
            handedOver,
            {
              customerId: customerId ?? null,
              contactId: input.contactId !== undefined ? input.contactId : current.contactId,
            },
            user,
            "body.samples",
          )
        : undefined;
      // Reopened or cancelled: how it went no longer holds. No longer a call: nor does a call outcome.
      const leavesFinished = current.status === "FINISHED" && status !== "FINISHED";
      const dropsCallOutcome = current.callOutcome !== null && (leavesFinished || type !== "CALL");
      return activities.update(
        id,
        version,
        {
          ...changes,
          customerId: customerId ?? null,
          startsAt,
          endsAt,
          status,
          finishedAt: finishedAtFor(status, current.finishedAt),
          ...(leavesFinished && { outcome: null }),
        },
        user.id,
        dropsCallOutcome ? null : callOutcome,
        also,
      );
    },

    async get(id) {
      return (await activities.findById(id)) ?? Promise.reject(notFound("activity", id));
    },

    list: async (query) => pageOf(await activities.list(query), query),

    listTemplates: () => templates.list(),

    async getTemplate(id) {
      return (await templates.findById(id)) ?? Promise.reject(notFound("activity template", id));
    },

    async createTemplate(input, user) {
      requirePermission(user, "templates:manage");
      return templates.create(input);
    },

    async updateTemplate(id, input, user) {
      requirePermission(user, "templates:manage");
      return (await templates.update(id, input)) ?? Promise.reject(notFound("activity template", id));
    },

    async resendToOutlook(id, user) {
      const current = await activities.findWrite(id);
      if (!current) throw notFound("activity", id);
      requirePermission(user, "activities:change", { owner: current.ownerId === user.id });
      const result = await activities.resendToOutlook(id);
      if (!result) throw notFound("activity", id);
      if (!result.queued && result.activity.sync.state === "FAILED")
        throw new AppError("conflict", "Outlook sync is not set up on this service, so nothing can be sent to Outlook");
      if (!result.queued)
        throw new AppError(
          "conflict",
          `Only an activity Outlook refused can be sent again; this one is ${result.activity.sync.state}`,
          [{ field: "sync.state", message: "is not FAILED" }],
        );
      return result.activity;
    },

    async reminders(query, user, now = new Date()) {
      const timeZone = query.timeZone ?? user.timeZone;
      const until = query.until ?? dayInZone(now, timeZone);
      const items = await activities.dueFor(user.id, startOfDayInZone(nextDay(until), timeZone));
      return { until, items };
    },
  };
}
