import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createFakeCrm } from "./support/fake-crm";
import { JONAS, renderPane, useFakeServer } from "./support/render-pane";

useFakeServer();

describe("recurring activities in the pane", () => {
  it("plans 'every month on the first Monday' as one series and shows its occurrences", async () => {
    const user = userEvent.setup();
    const { crm } = renderPane({ from: JONAS, subject: "Monthly visit" }, createFakeCrm());
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = screen.getByRole("form", { name: "New activity" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Type" }), "Visit");
    const date = within(form).getByLabelText(/Date/);
    await user.clear(date);
    await user.type(date, "2099-03-02");
    const repeats = within(form).getByRole("combobox", { name: "Repeats" });
    expect(within(repeats).getByRole("option", { name: "Every month on the first Monday" })).toBeInTheDocument();
    await user.selectOptions(repeats, "Every month on the first Monday");
    const occurrences = within(form).getByLabelText("Occurrences");
    await user.clear(occurrences);
    await user.type(occurrences, "6");
    await user.click(within(form).getByRole("button", { name: "Save activity" }));

    const future = await screen.findByRole("list", { name: "Future activities" });
    expect(await within(future).findAllByText("Monthly visit")).toHaveLength(3);
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
  });

  it("cancels this one, or the whole series, from an occurrence", async () => {
    const user = userEvent.setup();
    const { crm } = renderPane({ from: JONAS, subject: "Weekly call" }, createFakeCrm());
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = screen.getByRole("form", { name: "New activity" });
    const date = within(form).getByLabelText(/Date/);
    await user.clear(date);
    await user.type(date, "2099-03-03");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Repeats" }), "Every week on Tuesday");
    await user.click(within(form).getByRole("button", { name: "Save activity" }));

    const future = await screen.findByRole("list", { name: "Future activities" });
    const [first] = await within(future).findAllByText("Weekly call");
    const item = first!.closest("li")!;
    await user.click(within(item).getByRole("button", { name: "Repeats" }));
    const panel = await within(item).findByRole("region", { name: "Series: Weekly call" });
    expect(await within(panel).findAllByRole("listitem")).toHaveLength(3);

    await user.click(within(panel).getByRole("button", { name: "Cancel this one" }));
    const occurrence = crm.activities.find((activity) => activity.subject === "Weekly call")!;
    await screen.findByRole("list", { name: "Future activities" });
    const patch = crm.requests.find(
      (request) => request.method === "PATCH" && request.path.startsWith("/api/activities/"),
    );
    expect(patch).toMatchObject({ path: `/api/activities/${occurrence.id}`, body: { status: "CANCELLED" } });

    const still = (
      await within(await screen.findByRole("list", { name: "Future activities" })).findAllByText("Weekly call")
    )[0]!;
    const next = still.closest("li")!;
    await user.click(within(next).getByRole("button", { name: "Repeats" }));
    const nextPanel = await within(next).findByRole("region", { name: "Series: Weekly call" });
    await user.click(await within(nextPanel).findByRole("button", { name: "Cancel the whole series" }));
    const seriesPatch = () =>
      crm.requests.find((request) => request.method === "PATCH" && request.path.startsWith("/api/activity-series/"));
    await waitFor(() => expect(seriesPatch()).toMatchObject({ body: { cancelled: true } }));
    const list = await screen.findByRole("list", { name: "Future activities" });
    await waitFor(() => expect(within(list).queryByText("Weekly call")).not.toBeInTheDocument());
  });
});
