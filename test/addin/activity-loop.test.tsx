import { screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { JONAS, renderPane, useCrm } from "./support/render-pane";
import { ALICE, BEN, MIA } from "./support/use-crm";
import { ok } from "./support/crm-world";

// The daily loop from the record, on the real service: a planned activity is finished (outcome and
// notes), rescheduled, edited, cancelled and reopened; overdue ones are marked and come first; a new
// one dated in the past asks whether it was done.
const crm = useCrm();

const REVIEW = "Quarterly business review";

/** The record's item of an activity in a list ("Future", "Overdue", "History"), opened. */
async function openActivity(user: UserEvent, list: string, subject: string) {
  const items = await screen.findByRole("list", { name: `${list} activities` }, { timeout: 15_000 });
  await user.click(await within(items).findByRole("button", { name: `Open ${subject}` }));
  return within(items).getByRole("region", { name: subject });
}

const patches = () => crm.requests.filter((request) => request.method === "PATCH");

describe("the activity daily loop in the record", () => {
  it("finishes a planned meeting with its outcome and notes", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await openActivity(user, "Future", REVIEW);
    await user.click(within(item).getByRole("button", { name: "Finish" }));
    const form = within(item).getByRole("form", { name: `Finish ${REVIEW}` });
    expect(within(form).queryByRole("combobox", { name: "Call outcome" })).not.toBeInTheDocument();
    await user.type(within(form).getByRole("textbox", { name: "Outcome" }), "Framework agreement extended");
    await user.type(within(form).getByRole("textbox", { name: "Notes" }), "Send the minutes");
    await user.click(within(form).getByRole("button", { name: "Mark as done" }));

    await waitFor(() => expect(screen.getByText("Nothing planned.")).toBeInTheDocument());
    expect(patches().map((request) => request.body)).toEqual([
      {
        version: crm.activities.review.version,
        status: "FINISHED",
        outcome: "Framework agreement extended",
        notes: "Send the minutes",
      },
    ]);
    const stored = await crm.read(`/api/activities/${crm.activities.review.id}`);
    expect(stored).toMatchObject({ status: "FINISHED", outcome: "Framework agreement extended" });
    await user.click(screen.getByRole("switch", { name: "Show finished" }));
    const done = await openActivity(user, "History", REVIEW);
    expect(within(done).getByText("Outcome: Framework agreement extended")).toBeInTheDocument();
    expect(within(done).getByRole("button", { name: "Reopen" })).toBeInTheDocument();

    // The outcome of a finished one can be corrected later.
    await user.click(within(done).getByRole("button", { name: "Edit" }));
    const edit = within(done).getByRole("form", { name: `Edit ${REVIEW}` });
    const outcome = within(edit).getByRole("textbox", { name: "Outcome" });
    await user.clear(outcome);
    await user.type(outcome, "Framework agreement extended to 2027");
    await user.click(within(edit).getByRole("button", { name: "Save changes" }));
    expect(await within(done).findByText("Outcome: Framework agreement extended to 2027")).toBeInTheDocument();
    expect(patches()[1]?.body).toEqual({
      version: crm.activities.review.version + 1,
      outcome: "Framework agreement extended to 2027",
    });
  });

  it("records a call's outcome as the cold call does", async () => {
    const user = userEvent.setup();
    const alice = await crm.as(ALICE);
    await ok(
      alice.post("/api/activities", {
        customerId: crm.customers.fabrikam.id,
        type: "CALL",
        subject: "Price call",
        startsAt: "2099-02-01T09:00:00.000Z",
        timeZone: "Europe/Berlin",
      }),
      201,
      "call",
    );
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await openActivity(user, "Future", "Price call");
    await user.click(within(item).getByRole("button", { name: "Finish" }));
    const form = within(item).getByRole("form", { name: "Finish Price call" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Call outcome" }), "Call back");
    await user.click(within(form).getByRole("button", { name: "Mark as done" }));
    await user.click(await screen.findByRole("switch", { name: "Show finished" }));
    const history = await screen.findByRole("list", { name: "History activities" });
    expect(await within(history).findByLabelText("Outcome: Call back")).toBeInTheDocument();
  });

  it("reschedules in another time zone, keeping the duration, and makes that zone the user's default", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await openActivity(user, "Future", REVIEW);
    // Planned 12:00-13:00 UTC on 1 March 2099: 13:00 in Berlin.
    expect(within(item).getByText("Time zone Europe/Berlin")).toBeInTheDocument();
    await user.click(within(item).getByRole("button", { name: "Reschedule" }));
    const form = within(item).getByRole("form", { name: `Reschedule ${REVIEW}` });
    expect(within(form).getByLabelText(/^Time(?! zone)/)).toHaveValue("13:00");
    const date = within(form).getByLabelText(/^Date/);
    await user.clear(date);
    await user.type(date, "2099-03-08");
    const time = within(form).getByLabelText(/^Time(?! zone)/);
    await user.clear(time);
    await user.type(time, "10:00");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Time zone" }), "America/New_York");
    await user.click(within(form).getByRole("checkbox", { name: "Make America/New_York my default time zone" }));
    try {
      await user.click(within(form).getByRole("button", { name: "Reschedule" }));
      await waitFor(() => expect(within(item).queryByRole("form")).not.toBeInTheDocument());
      // 10:00 in New York in March 2099 (daylight time from 8 March) is 14:00 UTC; still one hour.
      expect(patches()[0]?.body).toEqual({
        version: crm.activities.review.version,
        startsAt: "2099-03-08T14:00:00.000Z",
        endsAt: "2099-03-08T15:00:00.000Z",
        timeZone: "America/New_York",
      });
      expect((await crm.read("/api/me")).timeZone).toBe("America/New_York");
      // The pane goes on in the new default: a new activity starts in it.
      await user.click(screen.getByRole("button", { name: "New activity" }));
      const newForm = screen.getByRole("form", { name: "New activity" });
      expect(within(newForm).getByRole("combobox", { name: "Time zone" })).toHaveValue("America/New_York");
    } finally {
      // Users outlive the per-test reset: Alice's zone goes back for the suites after this one.
      await ok((await crm.as(ALICE)).patch("/api/me", { timeZone: "Europe/Berlin" }), 200, "reset zone");
    }
  });

  it("edits subject, location, reminder and notes, sending only what changed", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await openActivity(user, "Future", REVIEW);
    await user.click(within(item).getByRole("button", { name: "Edit" }));
    const form = within(item).getByRole("form", { name: `Edit ${REVIEW}` });
    const subject = within(form).getByRole("textbox", { name: /^Subject/ });
    await user.clear(subject);
    await user.type(subject, "Half-year review");
    await user.type(within(form).getByRole("textbox", { name: "Location" }), "Berlin office");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Reminder" }), "1 day before");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    const future = await screen.findByRole("list", { name: "Future activities" });
    expect(await within(future).findByRole("button", { name: "Close Half-year review" })).toBeInTheDocument();
    expect(within(future).getByText(/Reminder 1 day before/)).toBeInTheDocument();
    expect(patches()[0]?.body).toEqual({
      version: crm.activities.review.version,
      subject: "Half-year review",
      location: "Berlin office",
      reminderMinutesBefore: 1440,
    });
  });

  it("cancels after asking, and reopens", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await openActivity(user, "Future", REVIEW);
    await user.click(within(item).getByRole("button", { name: "Cancel activity" }));
    expect(patches()).toEqual([]);
    await user.click(within(item).getByRole("button", { name: "Yes, cancel it" }));
    await waitFor(() => expect(screen.getByText("Nothing planned.")).toBeInTheDocument());
    expect((await crm.read(`/api/activities/${crm.activities.review.id}`)).status).toBe("CANCELLED");

    await user.click(screen.getByRole("switch", { name: "Show finished" }));
    const cancelled = await openActivity(user, "History", REVIEW);
    expect(within(cancelled).queryByRole("button", { name: "Finish" })).not.toBeInTheDocument();
    await user.click(within(cancelled).getByRole("button", { name: "Reopen" }));
    const future = await screen.findByRole("list", { name: "Future activities" });
    expect(await within(future).findByRole("button", { name: `Open ${REVIEW}` })).toBeInTheDocument();
    expect((await crm.read(`/api/activities/${crm.activities.review.id}`)).status).toBe("PLANNED");
  });

  it("reloads after a colleague's change and says so, then the change applies", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await openActivity(user, "Future", REVIEW);
    await user.click(within(item).getByRole("button", { name: "Finish" }));
    const manager = await crm.as(MIA);
    await ok(
      manager.patch(`/api/activities/${crm.activities.review.id}`, {
        version: crm.activities.review.version,
        location: "Room 4",
      }),
      200,
      "manager's change",
    );
    const form = within(item).getByRole("form", { name: `Finish ${REVIEW}` });
    await user.type(within(form).getByRole("textbox", { name: "Outcome" }), "Agreed");
    await user.click(within(form).getByRole("button", { name: "Mark as done" }));
    expect(await within(form).findByText(/Changed by someone else – reloaded/)).toBeInTheDocument();
    expect(await within(item).findByText("At Room 4")).toBeInTheDocument();
    expect((await crm.read(`/api/activities/${crm.activities.review.id}`)).status).toBe("PLANNED");

    await user.click(within(form).getByRole("button", { name: "Mark as done" }));
    await waitFor(() => expect(screen.getByText("Nothing planned.")).toBeInTheDocument());
    expect(await crm.read(`/api/activities/${crm.activities.review.id}`)).toMatchObject({
      status: "FINISHED",
      outcome: "Agreed",
      location: "Room 4",
    });
  });

  it("offers a colleague's activity to its owner, managers and admins only", async () => {
    const user = userEvent.setup();
    const ben = await crm.as(BEN);
    const visit = await ok(
      ben.post("/api/activities", {
        customerId: crm.customers.fabrikam.id,
        type: "VISIT",
        subject: "Ben's visit",
        startsAt: "2099-04-01T09:00:00.000Z",
        timeZone: "Europe/London",
      }),
      201,
      "Ben's visit",
    );
    const first = renderPane({ from: JONAS, subject: "Open order" });
    let item = await openActivity(user, "Future", "Ben's visit");
    expect(within(item).getByText("Only Ben Okafor, a manager or an admin can change it.")).toBeInTheDocument();
    expect(within(item).queryByRole("button", { name: "Finish" })).not.toBeInTheDocument();
    first.unmount();

    crm.me.role = "MANAGER";
    renderPane({ from: JONAS, subject: "Open order" });
    item = await openActivity(user, "Future", "Ben's visit");
    await user.click(within(item).getByRole("button", { name: "Finish" }));
    await user.click(within(item).getByRole("button", { name: "Mark as done" }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]?.path).toBe(`/api/activities/${visit.id}`);
    expect(await patches()[0]?.answer).toMatchObject({ status: 200, body: { status: "FINISHED" } });
  });

  it("puts overdue activities above the future ones, marked, with their reminder", async () => {
    const user = userEvent.setup();
    const alice = await crm.as(ALICE);
    const yesterday = new Date(Date.now() - 86_400_000);
    await ok(
      alice.post("/api/activities", {
        customerId: crm.customers.fabrikam.id,
        type: "CALL",
        subject: "Call back Jonas",
        startsAt: yesterday.toISOString(),
        timeZone: "Europe/Berlin",
        reminderMinutesBefore: 30,
      }),
      201,
      "overdue call",
    );
    renderPane({ from: JONAS, subject: "Open order" });
    const overdue = await screen.findByRole("list", { name: "Overdue activities" }, { timeout: 15_000 });
    const headings = screen.getAllByRole("heading", { level: 4 }).map((heading) => heading.textContent);
    expect(headings.indexOf("Overdue")).toBeLessThan(headings.indexOf("Future"));
    const call = within(overdue).getByRole("button", { name: "Open Call back Jonas" }).closest("li")!;
    expect(within(call).getByText("Overdue")).toBeInTheDocument();
    expect(within(call).getByText(/Reminder 30 minutes before/)).toBeInTheDocument();
    const future = screen.getByRole("list", { name: "Future activities" });
    expect(within(future).queryByText("Call back Jonas")).not.toBeInTheDocument();
    expect(within(future).getByText(/Reminder 15 minutes before/)).toBeInTheDocument();
    await user.click(within(call).getByRole("button", { name: "Open Call back Jonas" }));
    expect(within(call).getByRole("button", { name: "Finish" })).toBeInTheDocument();
  });
});

describe("a new activity dated in the past", () => {
  const fillPast = async (user: UserEvent, subject: string) => {
    await user.click(await screen.findByRole("button", { name: "New activity" }, { timeout: 15_000 }));
    const form = screen.getByRole("form", { name: "New activity" });
    const title = within(form).getByLabelText(/Subject/);
    await user.clear(title);
    await user.type(title, subject);
    const date = within(form).getByLabelText(/Date/);
    await user.clear(date);
    await user.type(date, "2026-01-05");
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    return form;
  };

  it("asks whether it was done and logs it as done with its outcome", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Visit report" });
    const form = await fillPast(user, "Visit report");
    expect(within(form).getByText("This is in the past. Log it as done?")).toBeInTheDocument();
    expect(crm.requests.some((request) => request.method === "POST")).toBe(false);
    await user.type(within(form).getByRole("textbox", { name: "Outcome" }), "Order promised");
    await user.click(within(form).getByRole("button", { name: "Log as done" }));
    await waitFor(() => expect(screen.queryByRole("form", { name: "New activity" })).not.toBeInTheDocument());
    const created = await crm.lastCreated("/api/activities");
    expect(created).toMatchObject({ subject: "Visit report", status: "FINISHED", outcome: "Order promised" });
    expect(screen.queryByRole("list", { name: "Overdue activities" })).not.toBeInTheDocument();
  });

  it("keeps it planned on request, and then it is overdue, not future", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Late call" });
    const form = await fillPast(user, "Late call");
    await user.click(within(form).getByRole("button", { name: "Keep it planned" }));
    const overdue = await screen.findByRole("list", { name: "Overdue activities" });
    expect(within(overdue).getByRole("button", { name: "Open Late call" })).toBeInTheDocument();
    expect((await crm.lastCreated("/api/activities")).status).toBe("PLANNED");
  });
});
