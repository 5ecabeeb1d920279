import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

// Teams meetings against the real service with calendar sync on and the Graph fake behind it: the
// join link is the one Graph made for the event (onlineMeeting.joinUrl), and a calendar whose
// allowedOnlineMeetingProviders has no Teams makes the event without one.
describe("Teams meetings in the pane", () => {
  const crm = useCrm({ calendarSync: true });
  const graph = () => crm.service.graph!;
  const syncAsAlice = async () => ok((await crm.as(ALICE)).post("/api/sync/run", {}), 200, "sync run");
  const meeting = async (subject: string, startsAt: string) =>
    ok(
      (await crm.as(ALICE)).post("/api/activities", {
        customerId: crm.customers.fabrikam.id,
        type: "MEETING",
        subject,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        timeZone: "Europe/Berlin",
        onlineMeeting: true,
      }),
      201,
      subject,
    );
  const itemOf = async (subject: string) => {
    const future = await screen.findByRole("list", { name: "Future activities" });
    return (await within(future).findByText(subject)).closest("li")!;
  };

  it("offers Teams for a meeting only, and sends it with the new activity", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Kick-off" });
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = screen.getByRole("form", { name: "New activity" });
    expect(within(form).queryByRole("switch", { name: "Teams meeting" })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByRole("combobox", { name: "Type" }), "Meeting");
    await user.click(within(form).getByRole("switch", { name: "Teams meeting" }));
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    const item = await itemOf("Kick-off");
    expect(within(item).getByText("Teams meeting: link follows from Outlook")).toBeInTheDocument();
    const post = crm.requests.find((request) => request.method === "POST" && request.path === "/api/activities");
    expect(post?.body).toMatchObject({ type: "MEETING", onlineMeeting: true });
  });

  it("shows the join link Outlook made, and says when the calendar has no Teams", async () => {
    const withTeams = await meeting("Partner call", "2099-03-02T12:00:00.000Z");
    await syncAsAlice();
    const box = graph().mailbox("fake-alice@contoso.com");
    box.allowedOnlineMeetingProviders = [];
    try {
      await meeting("Supplier call", "2099-03-03T12:00:00.000Z");
      await syncAsAlice();
    } finally {
      box.allowedOnlineMeetingProviders = ["teamsForBusiness"];
    }
    const { onlineMeeting } = await crm.read(`/api/activities/${withTeams.id}`);
    expect(onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    renderPane({ from: JONAS, subject: "Open order" });
    const first = await itemOf("Partner call");
    const link = within(first).getByRole("link", { name: "Join Teams meeting" });
    expect(link).toHaveAttribute("href", onlineMeeting.joinUrl);
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    const second = await itemOf("Supplier call");
    expect(within(second).getByText("Teams meetings are not available in this Outlook calendar")).toBeInTheDocument();
    expect(within(second).queryByRole("link")).not.toBeInTheDocument();
  });

  it("never shows a link that is not https", async () => {
    const planned = await meeting("Partner call", "2099-03-02T12:00:00.000Z");
    await syncAsAlice();
    // A hostile value where Graph's joinUrl is kept: the pane must not make it a link.
    await crm.service.sql(`UPDATE "Activity" SET "onlineMeetingJoinUrl" = $1 WHERE id = $2`, [
      "javascript:alert(1)",
      planned.id,
    ]);
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await itemOf("Partner call");
    expect(within(item).queryByRole("link")).not.toBeInTheDocument();
  });
});
