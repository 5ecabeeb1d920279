import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { activityOf, planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";

// How a finished activity went reaches its Outlook event: the outcome (and a call's outcome) are
// written into the event's body with the notes, through the outbox like every change, by a PATCH of
// only what changed (Graph's PATCH /me/events/{id} updates the properties it is given and leaves the
// others: https://learn.microsoft.com/en-us/graph/api/event-update). Finishing a call with a contact
// never resends its time or attendees. Each test has its own user, so its mailbox is its own.
describe.each(testBackends())("a finished activity's outcome in its Outlook event on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend);
  });
  afterAll(() => service.stop());

  /** A user with one planned call with a contact, synced: its event is in their fake mailbox. */
  async function syncedCall(email: string) {
    const user = await service.as(email);
    const customer = await createCustomer(user);
    const contact = await createContact(user, {
      customerId: customer.id,
      emails: [`lena@${email.split("@")[0]}.example`],
    });
    const planned = await planActivity(user, {
      type: "CALL",
      subject: "Call Lena about the budget",
      customerId: customer.id,
      contactId: contact.id,
      notes: "Ask for the Q3 figures",
    });
    await syncNow(user);
    const activity = await activityOf(user, planned.id);
    const token = tokenOf(email);
    const event = () => graph.fake.events(token).find((candidate) => candidate.id === activity.sync.eventId)!;
    /** The properties of each PATCH this user's mailbox was sent since `since`. */
    const patches = (since: number) =>
      graph.fake.log
        .filter((entry) => entry.mailbox === token && entry.method === "PATCH" && entry.at >= since)
        .map((entry) => Object.keys(entry.body as object).sort());
    return { user, customer, activity, event, patches };
  }

  it("writes the outcome into the event's body by a PATCH of the body and the reminder only", async () => {
    const { user, activity, event, patches } = await syncedCall("finish-outcome@contoso.com");
    expect(event().body).toEqual({ contentType: "text", content: "Ask for the Q3 figures" });
    const attendeesBefore = event().attendees;
    const since = Date.now();

    const finished = await user.patch(`/api/activities/${activity.id}`, {
      version: activity.version,
      status: "FINISHED",
      callOutcome: "MEETING_AGREED",
      outcome: "Meets us on Thursday with the budget",
    });
    expect(finished.status).toBe(200);
    expect(finished.body.sync.state).toBe("PENDING");
    const result = await syncNow(user);
    expect(result.push).toMatchObject({ pushed: 1, failed: 0 });

    expect(event().body).toEqual({
      contentType: "text",
      content: "Outcome: Meeting agreed\nMeets us on Thursday with the budget\n\nAsk for the Q3 figures",
    });
    expect(event().isReminderOn).toBe(false);
    expect(event().attendees).toEqual(attendeesBefore);
    expect(patches(since)).toEqual([["body", "isReminderOn", "reminderMinutesBeforeStart"]]);
    expect((await activityOf(user, activity.id)).sync.state).toBe("SYNCED");
  });

  it("rewrites only the body when the outcome or notes of a finished activity are edited, and clears it on reopening", async () => {
    const { user, activity, event, patches } = await syncedCall("edit-outcome@contoso.com");
    let current = (
      await user.patch(`/api/activities/${activity.id}`, {
        version: activity.version,
        status: "FINISHED",
        outcome: "Left a message",
      })
    ).body;
    await syncNow(user);
    expect(event().body!.content).toBe("Outcome:\nLeft a message\n\nAsk for the Q3 figures");

    const since = Date.now();
    current = (
      await user.patch(`/api/activities/${activity.id}`, {
        version: current.version,
        outcome: "Called back: sends the figures on Monday",
      })
    ).body;
    await syncNow(user);
    expect(event().body!.content).toBe("Outcome:\nCalled back: sends the figures on Monday\n\nAsk for the Q3 figures");
    expect(patches(since)).toEqual([["body"]]);

    // Reopened: the outcome no longer holds, the reminder is back.
    await user.patch(`/api/activities/${activity.id}`, { version: current.version, status: "PLANNED" });
    await syncNow(user);
    expect(event().body!.content).toBe("Ask for the Q3 figures");
    expect(event().isReminderOn).toBe(true);
  });

  it("folds changes made before one push into one PATCH of their parts, and sends nothing for a change Outlook does not show", async () => {
    const { user, activity, event, patches } = await syncedCall("fold-parts@contoso.com");
    const since = Date.now();
    let current = (
      await user.patch(`/api/activities/${activity.id}`, { version: activity.version, location: "Berlin office" })
    ).body;
    current = (
      await user.patch(`/api/activities/${activity.id}`, {
        version: current.version,
        startsAt: "2026-12-04T13:00:00.000Z",
      })
    ).body;
    await syncNow(user);
    expect(event()).toMatchObject({
      location: { displayName: "Berlin office" },
      start: { dateTime: "2026-12-04T13:00:00.0000000" },
    });
    expect(patches(since)).toEqual([["end", "isAllDay", "location", "showAs", "start"]]);

    // The same values again: the activity's version moves on, Outlook has nothing to learn.
    const unchanged = await user.patch(`/api/activities/${activity.id}`, {
      version: current.version,
      location: "Berlin office",
    });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.sync.state).toBe("SYNCED");
    const quiet = Date.now();
    await syncNow(user);
    expect(patches(quiet)).toEqual([]);
  });

  it("sends the whole event when the CRM's later change wins over an Outlook edit", async () => {
    const { user, activity, event, patches } = await syncedCall("crm-wins-whole@contoso.com");
    const token = tokenOf("crm-wins-whole@contoso.com");
    // Outlook moved the call's place first; then the CRM finished it. The later change wins, all of it.
    graph.fake.outlook.update(
      token,
      activity.sync.eventId,
      { location: { displayName: "Outlook's room" } },
      new Date(Date.now() - 60_000),
    );
    await user.patch(`/api/activities/${activity.id}`, {
      version: activity.version,
      status: "FINISHED",
      outcome: "Done on the phone",
    });
    const since = Date.now();
    const result = await syncNow(user);
    expect(result.push.conflicts).toBe(1);
    expect(event().location).toEqual({ displayName: "" });
    expect(event().body!.content).toBe("Outcome:\nDone on the phone\n\nAsk for the Q3 figures");
    // The PATCH refused with 412 carried the changed parts; the one after the pull, the whole event.
    expect(patches(since).at(-1)).toEqual(
      expect.arrayContaining(["attendees", "body", "location", "start", "subject"]),
    );
  });
});
