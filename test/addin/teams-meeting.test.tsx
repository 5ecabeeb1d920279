import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createFakeCrm } from "./support/fake-crm";
import { JONAS, renderPane, useFakeServer } from "./support/render-pane";

useFakeServer();

describe("Teams meetings in the pane", () => {
  it("offers Teams for a meeting only, and sends it with the new activity", async () => {
    const user = userEvent.setup();
    const { crm } = renderPane({ from: JONAS, subject: "Kick-off" }, createFakeCrm());
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = screen.getByRole("form", { name: "New activity" });
    expect(within(form).queryByRole("switch", { name: "Teams meeting" })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByRole("combobox", { name: "Type" }), "Meeting");
    await user.click(within(form).getByRole("switch", { name: "Teams meeting" }));
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    const future = await screen.findByRole("list", { name: "Future activities" });
    const item = (await within(future).findByText("Kick-off")).closest("li")!;
    expect(within(item).getByText("Teams meeting: link follows from Outlook")).toBeInTheDocument();
    const post = crm.requests.find((request) => request.method === "POST" && request.path === "/api/activities");
    expect(post?.body).toMatchObject({ type: "MEETING", onlineMeeting: true });
  });

  it("shows the join link Outlook made, and says when the calendar has no Teams", async () => {
    const crm = createFakeCrm();
    const [first] = crm.activities.filter((activity) => activity.status === "PLANNED");
    const second = { ...first!, id: crypto.randomUUID(), subject: "Partner call", startsAt: "2099-03-02T12:00:00Z" };
    crm.activities.push(second);
    const joinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0";
    first!.onlineMeeting = { requested: true, joinUrl, unavailable: false };
    second!.onlineMeeting = { requested: true, joinUrl: null, unavailable: true };
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const future = await screen.findByRole("list", { name: "Future activities" });
    const firstItem = within(future).getByText(first!.subject).closest("li")!;
    expect(within(firstItem).getByRole("link", { name: "Join Teams meeting" })).toHaveAttribute("href", joinUrl);
    expect(within(firstItem).getByRole("link", { name: "Join Teams meeting" })).toHaveAttribute(
      "rel",
      "noopener noreferrer",
    );
    const secondItem = within(future).getByText(second!.subject).closest("li")!;
    expect(
      within(secondItem).getByText("Teams meetings are not available in this Outlook calendar"),
    ).toBeInTheDocument();
    expect(within(secondItem).queryByRole("link")).not.toBeInTheDocument();
  });

  it("never shows a link that is not https", async () => {
    const crm = createFakeCrm();
    const [first] = crm.activities.filter((activity) => activity.status === "PLANNED");
    first!.onlineMeeting = { requested: true, joinUrl: "javascript:alert(1)", unavailable: false };
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const future = await screen.findByRole("list", { name: "Future activities" });
    const item = within(future).getByText(first!.subject).closest("li")!;
    expect(within(item).queryByRole("link")).not.toBeInTheDocument();
  });
});
