import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

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

describe("recurring activities in the pane", () => {
  const crm = useCrm();

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

  async function planSeries(subject: string, date: string, repeats: string, occurrences?: string) {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject });
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = screen.getByRole("form", { name: "New activity" });
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
    // Six in all; the service lists them as far as its sync window goes (about half a year ahead).
    expect(within(panel).getByText(/^6 occurrences/)).toBeInTheDocument();
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
    expect((await patch()!.answer)!.status).toBe(200);
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
    expect((await seriesPatch()!.answer)!.status).toBe(200);
    const list = await screen.findByRole("list", { name: "Future activities" });
    await waitFor(() => expect(within(list).queryByText("Weekly call")).not.toBeInTheDocument());
  });
});
