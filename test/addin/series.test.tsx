/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers, as the tests read them */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { instantOfWallClock } from "contract/zoned-time";
import { ALICE, BEN, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";
import type { Crm, SentRequest } from "./support/use-crm";

// Recurring activities against the real service: the pane plans one series (POST /api/activity-series),
// the service expands its occurrences, and cancelling goes through the occurrence's or the series' PATCH.
/** YYYY-MM-DD of a date (as the date field takes it). */
const day = (date: Date) => date.toISOString().slice(0, 10);
/** The first Monday of next month: occurrences fall inside the service's sync window, which moves with today. */
function firstMondayOfNextMonth() {
  const date = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1));
  while (date.getUTCDay() !== 1) date.setUTCDate(date.getUTCDate() + 1);
  return day(date);
}
/** A Tuesday one to two weeks from today. */
function tuesdayNextWeek() {
  const date = new Date(Date.now() + 7 * 86_400_000);
  while (date.getUTCDay() !== 2) date.setUTCDate(date.getUTCDate() + 1);
  return day(date);
}

/** A day some days after another (YYYY-MM-DD). */
const addDays = (date: string, days: number) => day(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
/** The instant a wall-clock time in Berlin (Alice's zone, and her series') stands for. */
function berlin(date: string, time: string) {
  const [year, month, dayOfMonth] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return instantOfWallClock(Date.UTC(year, month - 1, dayOfMonth, hour, minute), "Europe/Berlin").toISOString();
}
/** A date and time as the pane shows it to Alice. */
const shown = (iso: string) =>
  new Intl.DateTimeFormat(undefined, {
    timeZone: "Europe/Berlin",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));

/** "Weekly call" on Tuesdays, 09:00–09:30 Berlin, for Fabrikam (Jonas's customer), planned through the API (by Alice). */
async function weeklyCallOf(crm: Crm, first: string, occurrences = 6, by = ALICE, days: string[] = ["tuesday"]) {
  return ok(
    (await crm.as(by)).post("/api/activity-series", {
      customerId: crm.customers.fabrikam.id,
      type: "CALL",
      subject: "Weekly call",
      startsAt: berlin(first, "09:00"),
      endsAt: berlin(first, "09:30"),
      timeZone: "Europe/Berlin",
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: days, firstDayOfWeek: "monday" },
        range: { type: "numbered", numberOfOccurrences: occurrences },
      },
    }),
    201,
    "series",
  );
}

/**
 * The series panel of an occurrence, once its series has loaded. Found afresh: the record reloads
 * after a save (the real service answers after the pane has drawn), which draws the list anew.
 */
async function loadedPanel(name: string) {
  await waitFor(() =>
    expect(within(screen.getByRole("region", { name })).queryByText("Loading the series…")).not.toBeInTheDocument(),
  );
  return screen.getByRole("region", { name });
}

/** Opens the series panel from the future occurrence at `index` with that subject. */
async function openPanel(user: UserEvent, subject: string, index = 0) {
  const future = await screen.findByRole("list", { name: "Future activities" });
  const item = (await within(future).findAllByText(subject))[index]!.closest("li")!;
  await user.click(within(item).getByRole("button", { name: /^Repeats/ }));
  return loadedPanel(`Series: ${subject}`);
}

/** The line of the panel's occurrence list that shows this time. */
function occurrenceAt(panel: HTMLElement, iso: string) {
  return within(within(panel).getByRole("list", { name: "Occurrences" }))
    .getByText(shown(iso))
    .closest("li")!;
}

/** Types a new value over a field's. */
async function retype(user: UserEvent, field: HTMLElement, value: string) {
  await user.clear(field);
  await user.type(field, value);
}

/**
 * Every answer the pane waits for has come in (the record's and the series' reloads after a save),
 * inside act(): the pane draws them while the test waits.
 */
async function settled(crm: Crm) {
  await act(() => Promise.all(crm.requests.map((request) => request.answer)));
}
/** What the service answered a request of the pane's, once the pane has drawn it. */
const answerTo = async (request: SentRequest | undefined) => (await act(() => request!.answer!))!;

describe("recurring activities in the pane", () => {
  const crm = useCrm();
  /** The pane's requests (method and exact path) so far. */
  const sentTo = (method: string, path: string) =>
    crm.requests.filter((request) => request.method === method && request.path === path);

  async function planSeries(subject: string, date: string, repeats: string, occurrences?: string) {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject });
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = await screen.findByRole("form", { name: "New activity" });
    if (repeats.startsWith("Every month"))
      await user.selectOptions(within(form).getByRole("combobox", { name: "Type" }), "Visit");
    const dateField = within(form).getByLabelText(/Date/);
    await user.clear(dateField);
    await user.type(dateField, date);
    const repeatsField = within(form).getByRole("combobox", { name: "Repeats" });
    expect(within(repeatsField).getByRole("option", { name: repeats })).toBeInTheDocument();
    await user.selectOptions(repeatsField, repeats);
    if (occurrences) {
      const count = within(form).getByLabelText("Occurrences");
      await user.clear(count);
      await user.type(count, occurrences);
    }
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    // Saved, and the record drawn again from the service (the list the test then reads).
    const saved = crm.requests.length;
    await waitFor(() =>
      expect(
        crm.requests.slice(saved - 1).some((r) => r.method === "GET" && r.path.startsWith("/api/customers/")),
      ).toBe(true),
    );
    await Promise.all(crm.requests.map((request) => request.answer));
    return user;
  }

  it("plans 'every month on the first Monday' as one series and shows its occurrences", async () => {
    const user = await planSeries("Monthly visit", firstMondayOfNextMonth(), "Every month on the first Monday", "6");
    const future = await screen.findByRole("list", { name: "Future activities" });
    const [first] = await within(future).findAllByText("Monthly visit");
    await user.click(within(first!.closest("li")!).getByRole("button", { name: "Repeats" }));
    const panel = await loadedPanel("Series: Monthly visit");
    // The rule, and six in all; the service lists them as far as its sync window goes (about half a year ahead).
    expect(within(panel).getByText(/^Every month on the first Monday · 6 occurrences/)).toBeInTheDocument();
    const listed = within(panel).getAllByRole("listitem").length;
    expect(listed).toBeGreaterThanOrEqual(5);
    expect(listed).toBeLessThanOrEqual(6);
    const post = crm.requests.find((request) => request.method === "POST" && request.path === "/api/activity-series");
    expect(post?.body).toMatchObject({
      type: "VISIT",
      subject: "Monthly visit",
      timeZone: "Europe/Berlin",
      recurrence: {
        pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: ["monday"], index: "first" },
        range: { type: "numbered", numberOfOccurrences: 6 },
      },
    });
    expect(crm.requests.some((request) => request.method === "POST" && request.path === "/api/activities")).toBe(false);
    // The service made the six occurrences, each on the first Monday of its month (in Berlin).
    const series = (await post!.answer)!.body;
    const occurrences = (await crm.read(`/api/activity-series/${series.id}`)).occurrences as { startsAt: string }[];
    expect(occurrences).toHaveLength(listed);
    for (const occurrence of occurrences) {
      const day = new Date(occurrence.startsAt);
      expect(day.getUTCDay()).toBe(1);
      expect(day.getUTCDate()).toBeLessThanOrEqual(7);
    }
  });

  it("cancels this one, or the whole series, from an occurrence", async () => {
    const user = await planSeries("Weekly call", tuesdayNextWeek(), "Every week on Tuesday");
    const future = await screen.findByRole("list", { name: "Future activities" });
    const [first] = await within(future).findAllByText("Weekly call");
    const item = first!.closest("li")!;
    await user.click(within(item).getByRole("button", { name: "Repeats" }));
    const panel = await loadedPanel("Series: Weekly call");
    // Every week on Tuesday, with no end given: the pane's default of 10 occurrences.
    expect(within(panel).getAllByRole("listitem")).toHaveLength(10);

    await user.click(within(panel).getByRole("button", { name: "Cancel this one" }));
    const patch = () =>
      crm.requests.find((request) => request.method === "PATCH" && request.path.startsWith("/api/activities/"));
    await waitFor(() => expect(patch()).toMatchObject({ body: { status: "CANCELLED" } }));
    expect((await answerTo(patch())).status).toBe(200);
    expect((await crm.read(patch()!.path)).status).toBe("CANCELLED");
    // The pane reloads the record after the change: the test goes on with the list drawn anew.
    await waitFor(() => expect(screen.queryByRole("region", { name: "Series: Weekly call" })).not.toBeInTheDocument());
    await Promise.all(crm.requests.map((request) => request.answer));

    const still = (
      await within(await screen.findByRole("list", { name: "Future activities" })).findAllByText("Weekly call")
    )[0]!;
    const next = still.closest("li")!;
    await user.click(within(next).getByRole("button", { name: "Repeats" }));
    const nextPanel = await loadedPanel("Series: Weekly call");
    await user.click(await within(nextPanel).findByRole("button", { name: "Cancel the whole series" }));
    const seriesPatch = () =>
      crm.requests.find((request) => request.method === "PATCH" && request.path.startsWith("/api/activity-series/"));
    await waitFor(() => expect(seriesPatch()).toMatchObject({ body: { cancelled: true } }));
    expect((await answerTo(seriesPatch())).status).toBe(200);
    const list = await screen.findByRole("list", { name: "Future activities" });
    await waitFor(() => expect(within(list).queryByText("Weekly call")).not.toBeInTheDocument());
  });

  it("edits this one: moved and renamed with its version, shown as Changed, the rest of the series as it was", async () => {
    const first = tuesdayNextWeek();
    const series = await weeklyCallOf(crm, first);
    const second = series.occurrences[1];
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const panel = await openPanel(user, "Weekly call", 1);
    await user.click(within(panel).getByRole("button", { name: "Edit this one" }));
    const form = within(panel).getByRole("form", { name: "Edit this occurrence" });
    // The occurrence as it is, in Alice's zone.
    expect(within(form).getByLabelText(/^Subject/)).toHaveValue("Weekly call");
    expect(within(form).getByLabelText(/^Date/)).toHaveValue(addDays(first, 7));
    expect(within(form).getByLabelText(/^Time/)).toHaveValue("09:00");
    expect(within(form).getByLabelText("Duration (minutes)")).toHaveValue(30);
    // Nothing changed yet: nothing to save.
    expect(within(form).getByRole("button", { name: "Save this one" })).toBeDisabled();

    const movedTo = addDays(first, 8); // the Wednesday after
    await retype(user, within(form).getByLabelText(/^Subject/), "Call with Jonas");
    await retype(user, within(form).getByLabelText(/^Date/), movedTo);
    await retype(user, within(form).getByLabelText(/^Time/), "11:30");
    await retype(user, within(form).getByLabelText("Duration (minutes)"), "45");
    await user.type(within(form).getByLabelText("Location"), "Fabrikam, Munich");
    await user.type(within(form).getByLabelText("Notes"), "Bring the price list");
    await user.click(within(form).getByRole("button", { name: "Save this one" }));

    const patch = () => sentTo("PATCH", `/api/activities/${second.id}`)[0];
    await waitFor(() => expect(patch()).toBeDefined());
    expect(patch()!.body).toEqual({
      subject: "Call with Jonas",
      startsAt: berlin(movedTo, "11:30"),
      endsAt: berlin(movedTo, "12:15"),
      location: "Fabrikam, Munich",
      notes: "Bring the price list",
      version: second.version,
    });
    expect((await answerTo(patch())).status).toBe(200);
    // The service holds it as an exception; the other occurrences are as the rule made them.
    const stored = await crm.read(`/api/activity-series/${series.id}`);
    expect(stored.occurrences[1]).toMatchObject({
      id: second.id,
      subject: "Call with Jonas",
      startsAt: berlin(movedTo, "11:30"),
      location: "Fabrikam, Munich",
      notes: "Bring the price list",
      series: { exception: true, occurrenceStart: berlin(addDays(first, 7), "09:00") },
    });
    for (const [index, occurrence] of stored.occurrences.entries())
      if (index !== 1)
        expect(occurrence).toMatchObject({
          subject: "Weekly call",
          startsAt: berlin(addDays(first, 7 * index), "09:00"),
          series: { exception: false },
        });

    // The pane: the occurrence with its new time, marked Changed, and where the rule had it.
    const after = await loadedPanel("Series: Call with Jonas");
    await waitFor(() => expect(within(after).queryByRole("form")).not.toBeInTheDocument());
    await waitFor(() =>
      expect(within(occurrenceAt(after, berlin(movedTo, "11:30"))).getByText("Changed")).toBeVisible(),
    );
    const line = occurrenceAt(after, berlin(movedTo, "11:30"));
    expect(line).toHaveAttribute("aria-current", "true");
    expect(within(line).getByText(`was ${shown(berlin(addDays(first, 7), "09:00"))}`)).toBeInTheDocument();
    expect(within(occurrenceAt(after, berlin(first, "09:00"))).queryByText("Changed")).not.toBeInTheDocument();
    expect(within(after).getByRole("status")).toHaveTextContent("Saved for this occurrence only");
    // Cancel this one is still there.
    expect(within(after).getByRole("button", { name: "Cancel this one" })).toBeEnabled();
    await settled(crm);
    const future = screen.getByRole("list", { name: "Future activities" });
    expect(
      within(within(future).getByText("Call with Jonas").closest("li")!).getByRole("button", {
        name: "Repeats (changed)",
      }),
    ).toBeInTheDocument();
  });

  it("edits this one after a colleague changed it: the 409 reloads, the second save keeps both changes", async () => {
    const first = tuesdayNextWeek();
    const series = await weeklyCallOf(crm, first);
    const occurrence = series.occurrences[0];
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const panel = await openPanel(user, "Weekly call");
    await user.click(within(panel).getByRole("button", { name: "Edit this one" }));
    const form = within(panel).getByRole("form", { name: "Edit this occurrence" });
    await retype(user, within(form).getByLabelText(/^Time/), "10:00");
    // Meanwhile, from another window: the notes of the same occurrence.
    await ok(
      (await crm.as(ALICE)).patch(`/api/activities/${occurrence.id}`, {
        version: occurrence.version,
        notes: "Agenda from Jonas",
      }),
      200,
      "colleague's change",
    );
    await user.click(within(form).getByRole("button", { name: "Save this one" }));
    expect(await within(form).findByText(/Changed by someone else – reloaded/)).toBeInTheDocument();
    const patches = () => sentTo("PATCH", `/api/activities/${occurrence.id}`);
    expect((await answerTo(patches()[0])).status).toBe(409);
    // The record read again: the form has the new version, and still what Alice typed.
    await waitFor(() =>
      expect(
        crm.requests.some(
          (request, index) => index > crm.requests.indexOf(patches()[0]!) && request.path.startsWith("/api/customers/"),
        ),
      ).toBe(true),
    );
    await settled(crm);
    expect(within(form).getByLabelText(/^Time/)).toHaveValue("10:00");
    await user.click(within(form).getByRole("button", { name: "Save this one" }));
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches()[1]!.body).toEqual({
      startsAt: berlin(first, "10:00"),
      endsAt: berlin(first, "10:30"),
      version: occurrence.version + 1,
    });
    expect((await answerTo(patches()[1])).status).toBe(200);
    expect(await crm.read(`/api/activities/${occurrence.id}`)).toMatchObject({
      startsAt: berlin(first, "10:00"),
      notes: "Agenda from Jonas",
      series: { exception: true },
    });
  });

  it("edits the whole series: time, rule and end; the occurrence changed on its own keeps its change", async () => {
    const first = tuesdayNextWeek();
    const series = await weeklyCallOf(crm, first);
    // One occurrence moved on its own beforehand (the third, to the Thursday at 16:00).
    const third = series.occurrences[2];
    const thirdAt = berlin(addDays(first, 16), "16:00");
    await ok(
      (await crm.as(ALICE)).patch(`/api/activities/${third.id}`, {
        version: third.version,
        startsAt: thirdAt,
        endsAt: berlin(addDays(first, 16), "16:30"),
      }),
      200,
      "this one",
    );
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const panel = await openPanel(user, "Weekly call");
    expect(within(panel).getByText(/^Every week on Tuesday · 6 occurrences/)).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Edit the whole series" }));
    const form = within(panel).getByRole("form", { name: "Edit the whole series" });
    // The series as it is: the same choices as the new-activity form's, for its first day.
    const repeats = within(form).getByRole("combobox", { name: "Repeats" });
    expect(repeats).toHaveDisplayValue("Every week on Tuesday");
    expect(
      within(repeats)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "Every week on Tuesday",
      "Every 2 weeks on Tuesday",
      expect.stringMatching(/^Every month on the (first|second|third|fourth|last) Tuesday$/),
      `Every month on day ${Number(first.slice(8))}`,
    ]);
    expect(within(form).getByRole("combobox", { name: "Ends" })).toHaveDisplayValue("After a number of occurrences");
    expect(within(form).getByLabelText("Occurrences")).toHaveValue(6);
    expect(within(form).getByLabelText(/^Time/)).toHaveValue("09:00");
    expect(
      within(form).getByText("Occurrences changed on their own (marked Changed) keep their change."),
    ).toBeInTheDocument();

    const lastDay = addDays(first, 56);
    await retype(user, within(form).getByLabelText(/^Subject/), "Fortnightly call");
    await retype(user, within(form).getByLabelText(/^Time/), "15:00");
    await retype(user, within(form).getByLabelText("Duration (minutes)"), "60");
    await user.selectOptions(repeats, "Every 2 weeks on Tuesday");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Ends" }), "On a date");
    await user.type(within(form).getByLabelText("Last date"), lastDay);
    await user.type(within(form).getByLabelText("Location"), "Teams room");
    await user.click(within(form).getByRole("button", { name: "Save the series" }));

    const patch = () => sentTo("PATCH", `/api/activity-series/${series.id}`)[0];
    await waitFor(() => expect(patch()).toBeDefined());
    // Only what changed, with the series' version.
    expect(patch()!.body).toEqual({
      subject: "Fortnightly call",
      location: "Teams room",
      startsAt: berlin(first, "15:00"),
      endsAt: berlin(first, "16:00"),
      recurrence: {
        pattern: { type: "weekly", interval: 2, daysOfWeek: ["tuesday"], firstDayOfWeek: "monday" },
        range: { type: "endDate", endDate: lastDay },
      },
      version: series.version,
    });
    expect((await answerTo(patch())).status).toBe(200);

    // The service: every second Tuesday at 15:00 up to the last day, and the moved one as it was;
    // the moved one is that Tuesday's occurrence (day 14), so the rule makes no second one there.
    const stored = await crm.read(`/api/activity-series/${series.id}`);
    expect(stored).toMatchObject({ subject: "Fortnightly call", location: "Teams room", version: series.version + 1 });
    const planned = stored.occurrences.filter((occurrence: any) => !occurrence.series.exception);
    expect(planned.map((occurrence: any) => [occurrence.startsAt, occurrence.endsAt, occurrence.subject])).toEqual(
      [0, 28, 42, 56].map((days) => [
        berlin(addDays(first, days), "15:00"),
        berlin(addDays(first, days), "16:00"),
        "Fortnightly call",
      ]),
    );
    expect(stored.occurrences.filter((occurrence: any) => occurrence.series.exception)).toEqual([
      expect.objectContaining({ id: third.id, startsAt: thirdAt, subject: "Weekly call", status: "PLANNED" }),
    ]);

    // The panel stays open (on the series' first occurrence, rebuilt) and says the change was kept.
    await waitFor(() => expect(screen.getByRole("region", { name: "Series: Fortnightly call" })).toBeInTheDocument());
    const after = await loadedPanel("Series: Fortnightly call");
    await waitFor(() =>
      expect(within(after).getByRole("status")).toHaveTextContent(
        "Saved for the whole series. 1 occurrence changed on its own kept its change.",
      ),
    );
    await waitFor(() => expect(within(after).getByText(/^Every 2 weeks on Tuesday · Until /)).toBeInTheDocument());
    expect(within(occurrenceAt(after, thirdAt)).getByText("Changed")).toBeInTheDocument();
    // One occurrence for day 14, the moved one: the new rule's 15:00 there is not listed beside it.
    expect(within(after).getAllByRole("listitem")).toHaveLength(5);
    expect(within(after).getByRole("button", { name: "Cancel the whole series" })).toBeEnabled();
  });

  it("edits the whole series after a colleague changed it: the 409 reloads the series, the second save goes", async () => {
    const first = tuesdayNextWeek();
    const series = await weeklyCallOf(crm, first);
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const panel = await openPanel(user, "Weekly call");
    await user.click(within(panel).getByRole("button", { name: "Edit the whole series" }));
    const form = within(panel).getByRole("form", { name: "Edit the whole series" });
    await user.type(within(form).getByLabelText("Notes"), "Agenda in the shared folder");
    await ok(
      (await crm.as(ALICE)).patch(`/api/activity-series/${series.id}`, { version: series.version, location: "Room 2" }),
      200,
      "colleague's change",
    );
    await user.click(within(form).getByRole("button", { name: "Save the series" }));
    expect(await within(form).findByText(/Changed by someone else – reloaded/)).toBeInTheDocument();
    const patches = () => sentTo("PATCH", `/api/activity-series/${series.id}`);
    expect((await answerTo(patches()[0])).status).toBe(409);
    await waitFor(() =>
      expect(
        crm.requests.some(
          (request, index) =>
            index > crm.requests.indexOf(patches()[0]!) &&
            request.method === "GET" &&
            request.path === `/api/activity-series/${series.id}`,
        ),
      ).toBe(true),
    );
    await settled(crm);
    await user.click(within(form).getByRole("button", { name: "Save the series" }));
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches()[1]!.body).toEqual({ notes: "Agenda in the shared folder", version: series.version + 1 });
    expect((await answerTo(patches()[1])).status).toBe(200);
    const stored = await crm.read(`/api/activity-series/${series.id}`);
    expect(stored).toMatchObject({ notes: "Agenda in the shared folder", location: "Room 2" });
    expect(stored.occurrences.every((occurrence: any) => occurrence.notes === "Agenda in the shared folder")).toBe(
      true,
    );
  });

  it("offers the edits only to who may make them: a colleague's series is shown, not offered, to a salesman", async () => {
    await weeklyCallOf(crm, tuesdayNextWeek(), 6, BEN);
    const user = userEvent.setup();
    const salesman = renderPane({ from: JONAS, subject: "Open order" });
    let panel = await openPanel(user, "Weekly call");
    expect(within(within(panel).getByRole("list", { name: "Occurrences" })).getAllByRole("listitem")).toHaveLength(6);
    for (const name of ["Edit this one", "Cancel this one", "Edit the whole series", "Cancel the whole series"])
      expect(within(panel).queryByRole("button", { name })).not.toBeInTheDocument();
    salesman.unmount();
    // A manager may change anyone's.
    crm.me.role = "MANAGER";
    renderPane({ from: JONAS, subject: "Open order" });
    panel = await openPanel(user, "Weekly call");
    for (const name of ["Edit this one", "Cancel this one", "Edit the whole series", "Cancel the whole series"])
      expect(within(panel).getByRole("button", { name })).toBeEnabled();
  });

  it("keeps a rule the pane does not offer (set through the API or in Outlook) when only the end changes", async () => {
    const first = tuesdayNextWeek();
    // Twice a week: a rule the pane's Repeats does not offer.
    const twiceAWeek = { type: "weekly", interval: 1, daysOfWeek: ["tuesday", "thursday"], firstDayOfWeek: "monday" };
    const series = await weeklyCallOf(crm, first, 4, ALICE, twiceAWeek.daysOfWeek);
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const panel = await openPanel(user, "Weekly call");
    expect(within(panel).getByText(/^Every week on Tuesday, Thursday · 4 occurrences/)).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Edit the whole series" }));
    const form = within(panel).getByRole("form", { name: "Edit the whole series" });
    expect(within(form).getByRole("combobox", { name: "Repeats" })).toHaveDisplayValue(
      "Every week on Tuesday, Thursday",
    );
    await user.selectOptions(within(form).getByRole("combobox", { name: "Ends" }), "No end");
    await user.click(within(form).getByRole("button", { name: "Save the series" }));
    const patch = () => sentTo("PATCH", `/api/activity-series/${series.id}`)[0];
    await waitFor(() => expect(patch()).toBeDefined());
    expect(patch()!.body).toEqual({
      recurrence: { pattern: twiceAWeek, range: { type: "noEnd" } },
      version: series.version,
    });
    expect((await answerTo(patch())).status).toBe(200);
    expect((await crm.read(`/api/activity-series/${series.id}`)).recurrence).toEqual({
      pattern: twiceAWeek,
      range: { type: "noEnd" },
    });
    // The occurrences were rebuilt for the new end: the panel stays open, on the series' first one.
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "Series: Weekly call" })).getByText(
          /^Every week on Tuesday, Thursday · No end date/,
        ),
      ).toBeInTheDocument(),
    );
  });

  it("names the field the service refuses, and keeps what was typed", async () => {
    const first = tuesdayNextWeek();
    await weeklyCallOf(crm, first);
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const panel = await openPanel(user, "Weekly call");
    await user.click(within(panel).getByRole("button", { name: "Edit the whole series" }));
    const form = within(panel).getByRole("form", { name: "Edit the whole series" });
    // A last day before the first occurrence: the service's 400 shows at "Last date".
    await user.selectOptions(within(form).getByRole("combobox", { name: "Ends" }), "On a date");
    await user.type(within(form).getByLabelText("Last date"), addDays(first, -7));
    await user.click(within(form).getByRole("button", { name: "Save the series" }));
    expect(await within(form).findByText("must not be before the first occurrence's day")).toBeInTheDocument();
    expect(within(form).getByLabelText("Last date")).toHaveValue(addDays(first, -7));
    // A length the pane cannot send is said at the field, and nothing goes.
    await retype(user, within(form).getByLabelText("Duration (minutes)"), "-5");
    expect(within(form).getByText("Enter whole minutes, 0 to 10080")).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Save the series" })).toBeDisabled();
  });
});

describe("recurring activities in the pane, with Outlook", () => {
  // Calendar sync against the Graph fake (demo/graph-fake): each test arranges Outlook's side by one
  // sync run of Alice's through the API, changes the series there as a user would in Outlook, and
  // syncs again; what the pane then sends reaches Outlook on the next run.
  const crm = useCrm({ calendarSync: true });
  const graph = () => crm.service.graph!;
  const MAILBOX = "fake-alice@contoso.com";
  const syncAsAlice = async () => ok((await crm.as(ALICE)).post("/api/sync/run", {}), 200, "sync run");
  /** Outlook's instances of Alice's calendar over the next year, as calendarView returns them (UTC). */
  const instances = () =>
    graph().instances(MAILBOX, new Date(Date.now() - 86_400_000), new Date(Date.now() + 366 * 86_400_000));
  const instanceOf = (occurrence: any) =>
    instances().find(
      (instance) => new Date(instance.originalStart!).toISOString() === occurrence.series.occurrenceStart,
    )!;
  const utc = (dateTime: string) => new Date(`${dateTime}Z`).toISOString();

  it("shows an occurrence moved in Outlook as Changed at its new time, and one deleted there as Cancelled", async () => {
    const first = tuesdayNextWeek();
    const series = await weeklyCallOf(crm, first, 4);
    await syncAsAlice();
    const linked = await crm.read(`/api/activity-series/${series.id}`);
    expect(linked.occurrences.map((occurrence: any) => occurrence.sync.state)).toEqual([
      "SYNCED",
      "SYNCED",
      "SYNCED",
      "SYNCED",
    ]);
    // In Outlook: the second one moved to the Wednesday at 16:00, the third deleted.
    const movedTo = addDays(first, 8);
    graph().outlook.updateOccurrence(MAILBOX, instanceOf(linked.occurrences[1]).id, {
      start: { dateTime: `${movedTo}T16:00:00.0000000`, timeZone: "Europe/Berlin" },
      end: { dateTime: `${movedTo}T16:30:00.0000000`, timeZone: "Europe/Berlin" },
    });
    graph().outlook.deleteOccurrence(MAILBOX, instanceOf(linked.occurrences[2]).id);
    await syncAsAlice();

    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const panel = await openPanel(user, "Weekly call");
    expect(within(panel).getByText(/one series in Outlook$/)).toBeInTheDocument();
    const moved = occurrenceAt(panel, berlin(movedTo, "16:00"));
    expect(within(moved).getByText("Changed")).toBeInTheDocument();
    expect(within(moved).getByText(`was ${shown(berlin(addDays(first, 7), "09:00"))}`)).toBeInTheDocument();
    const deleted = occurrenceAt(panel, berlin(addDays(first, 14), "09:00"));
    expect(within(deleted).getByText("Cancelled")).toBeInTheDocument();
    for (const untouched of [berlin(first, "09:00"), berlin(addDays(first, 21), "09:00")]) {
      expect(within(occurrenceAt(panel, untouched)).queryByText("Changed")).not.toBeInTheDocument();
      expect(within(occurrenceAt(panel, untouched)).queryByText("Cancelled")).not.toBeInTheDocument();
    }
    expect(within(within(panel).getByRole("list", { name: "Occurrences" })).getAllByRole("listitem")).toHaveLength(4);
    // The record lists the moved one as changed and no longer the cancelled one.
    const future = screen.getByRole("list", { name: "Future activities" });
    expect(
      within(future)
        .getAllByRole("button", { name: /^Repeats/ })
        .map((button) => button.textContent),
    ).toEqual(["Repeats", "Repeats (changed)", "Repeats"]);
  });

  /**
   * "This one" (the first occurrence, an hour later and renamed), then "the whole series" (a new
   * subject and location, the times as they were) from the pane; Outlook gets them by sync runs of
   * Alice's: one after each edit, or one after both.
   */
  async function editThisOneThenTheSeries(syncAfterEach: boolean) {
    const first = tuesdayNextWeek();
    const series = await weeklyCallOf(crm, first, 4);
    await syncAsAlice();
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    let panel = await openPanel(user, "Weekly call");

    await user.click(within(panel).getByRole("button", { name: "Edit this one" }));
    let form = within(panel).getByRole("form", { name: "Edit this occurrence" });
    await retype(user, within(form).getByLabelText(/^Subject/), "Kick-off call");
    await retype(user, within(form).getByLabelText(/^Time/), "10:00");
    await user.click(within(form).getByRole("button", { name: "Save this one" }));
    panel = await loadedPanel("Series: Kick-off call");
    await waitFor(() =>
      expect(within(occurrenceAt(panel, berlin(first, "10:00"))).getByText("Changed")).toBeInTheDocument(),
    );
    await settled(crm);
    if (syncAfterEach) {
      await syncAsAlice();
      const [exception] = (await crm.read(`/api/activity-series/${series.id}`)).occurrences.map(instanceOf);
      expect(exception).toMatchObject({ type: "exception", subject: "Kick-off call" });
    }

    await user.click(within(panel).getByRole("button", { name: "Edit the whole series" }));
    form = within(panel).getByRole("form", { name: "Edit the whole series" });
    await retype(user, within(form).getByLabelText(/^Subject/), "Team call");
    await user.type(within(form).getByLabelText("Location"), "Teams room");
    await user.click(within(form).getByRole("button", { name: "Save the series" }));
    await waitFor(() =>
      expect(within(panel).getByRole("status")).toHaveTextContent(
        "Saved for the whole series. 1 occurrence changed on its own kept its change.",
      ),
    );
    await settled(crm);
    await syncAsAlice();

    // The CRM: the exception as Alice left it, the others renamed.
    const stored = await crm.read(`/api/activity-series/${series.id}`);
    expect(stored.occurrences.map((occurrence: any) => [occurrence.subject, occurrence.startsAt])).toEqual([
      ["Kick-off call", berlin(first, "10:00")],
      ...[7, 14, 21].map((days) => ["Team call", berlin(addDays(first, days), "09:00")]),
    ]);
    // Outlook: one series master, renamed; the first instance an exception with its own time and subject.
    const masters = graph()
      .events(MAILBOX)
      .filter((event) => event.type === "seriesMaster");
    expect(masters).toHaveLength(1);
    expect(masters[0]).toMatchObject({ subject: "Team call", location: { displayName: "Teams room" } });
    const [exception, ...rest] = (stored.occurrences as any[]).map(instanceOf);
    expect(exception).toMatchObject({ type: "exception", subject: "Kick-off call" });
    expect(utc(exception!.start.dateTime)).toBe(berlin(first, "10:00"));
    expect(rest.map((instance) => [instance!.subject, utc(instance!.start.dateTime)])).toEqual(
      [7, 14, 21].map((days) => ["Team call", berlin(addDays(first, days), "09:00")]),
    );
    expect(instances()).toHaveLength(4);
    // In step after that one run: the exception and the occurrences the master carried.
    expect(stored.occurrences.map((occurrence: any) => occurrence.sync.state)).toEqual([
      "SYNCED",
      "SYNCED",
      "SYNCED",
      "SYNCED",
    ]);
  }

  it("sends this one and then the whole series edited in the pane to Outlook, the exception kept", async () => {
    await editThisOneThenTheSeries(true);
  });

  // Both edits wait for one run: the master's PATCH goes first and moves the instance's change key,
  // the occurrence's PATCH meets a 412, and the pull keeps "this one" (the instance, never changed on
  // its own in Outlook, only shows the series), so it goes on as the exception.
  it("sends this one and the whole series edited in the pane in one sync run, the exception kept", async () => {
    await editThisOneThenTheSeries(false);
  });
});
