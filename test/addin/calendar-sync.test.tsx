import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { API, createFakeCrm, server } from "./support/fake-crm";
import { JONAS, renderPane, useFakeServer } from "./support/render-pane";

useFakeServer();

describe("calendar sync in the pane", () => {
  it("shows each activity's Outlook state and syncs now on request", async () => {
    const user = userEvent.setup();
    const crm = createFakeCrm();
    const review = crm.activities.find((activity) => activity.subject === "Quarterly business review")!;
    review.sync = { state: "FAILED", eventId: null, error: "The mailbox is full", lastSyncedAt: null, waiting: null };
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    server.use(
      http.post(`${API}/api/sync/run`, () => {
        review.sync = {
          state: "SYNCED",
          eventId: "AAMk1",
          error: null,
          lastSyncedAt: new Date().toISOString(),
          waiting: null,
        };
        return HttpResponse.json({
          enabled: true,
          push: { pushed: 1, failed: 0, retrying: 0, conflicts: 0 },
          pull: { pages: 1, fullResync: false, updated: 0, cancelled: 0, imported: 0 },
          pending: 0,
          error: null,
          finishedAt: new Date().toISOString(),
        });
      }),
    );

    const future = await screen.findByRole("list", { name: "Future activities" });
    const item = within(future).getByText("Quarterly business review").closest("li")!;
    expect(within(item).getByText("Not in Outlook")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Sync with Outlook" }));
    expect(await screen.findByText("Outlook calendar is up to date.")).toBeInTheDocument();
    expect(await within(item).findByText("In Outlook")).toBeInTheDocument();
  });

  it("says why an activity waits for Outlook and since when, in the user's time zone", async () => {
    const crm = createFakeCrm();
    const review = crm.activities.find((activity) => activity.subject === "Quarterly business review")!;
    const since = new Date();
    review.sync = {
      state: "PENDING",
      eventId: null,
      error: "Graph could not be reached: fetch failed",
      lastSyncedAt: null,
      waiting: {
        reason: "UNREACHABLE",
        since: since.toISOString(),
        retryAt: new Date(Date.now() + 60_000).toISOString(),
      },
    };
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const future = await screen.findByRole("list", { name: "Future activities" });
    const item = within(future).getByText("Quarterly business review").closest("li")!;
    const time = new Intl.DateTimeFormat("en-GB", {
      timeZone: crm.me.timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(since);
    expect(within(item).getByText("Waiting for Outlook")).toBeInTheDocument();
    expect(within(item).getByText(`Outlook unreachable since ${time}, retrying`)).toBeInTheDocument();
    expect(within(item).queryByRole("button", { name: "Send to Outlook again" })).not.toBeInTheDocument();
  });

  it("sends an activity Outlook refused again from the pane", async () => {
    const user = userEvent.setup();
    const crm = createFakeCrm();
    const review = crm.activities.find((activity) => activity.subject === "Quarterly business review")!;
    review.sync = {
      state: "FAILED",
      eventId: null,
      error: "Outlook refused this change (ErrorInvalidRequest): the mailbox is full",
      lastSyncedAt: null,
      waiting: null,
    };
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const resent: string[] = [];
    server.use(
      http.post(`${API}/api/activities/:id/resend-to-outlook`, ({ params }) => {
        resent.push(String(params.id));
        review.sync = { state: "PENDING", eventId: null, error: null, lastSyncedAt: null, waiting: null };
        return HttpResponse.json(review);
      }),
    );
    const future = await screen.findByRole("list", { name: "Future activities" });
    const item = within(future).getByText("Quarterly business review").closest("li")!;
    expect(within(item).getByText("Not in Outlook")).toBeInTheDocument();
    await user.click(within(item).getByRole("button", { name: "Send to Outlook again" }));
    expect(await within(item).findByText("Syncing…")).toBeInTheDocument();
    expect(resent).toEqual([review.id]);
    expect(within(item).queryByRole("button", { name: "Send to Outlook again" })).not.toBeInTheDocument();
  });

  it("says so when the CRM has no calendar sync set up", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    server.use(
      http.post(`${API}/api/sync/run`, () =>
        HttpResponse.json({
          enabled: false,
          push: { pushed: 0, failed: 0, retrying: 0, conflicts: 0 },
          pull: { pages: 0, fullResync: false, updated: 0, cancelled: 0, imported: 0 },
          pending: 0,
          error: null,
          finishedAt: new Date().toISOString(),
        }),
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Sync with Outlook" }));
    expect(await screen.findByText("Calendar sync is not set up for this CRM.")).toBeInTheDocument();
  });
});

describe("the Outlook sync panel", () => {
  const timeOf = (date: Date, timeZone: string) =>
    new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);

  it("says when Outlook last took and gave changes, and that Outlook's come back within seconds", async () => {
    const crm = createFakeCrm();
    const pushed = new Date(Date.now() - 5 * 60_000);
    const pulled = new Date(Date.now() - 60_000);
    crm.syncHealth.health.lastPushAt = pushed.toISOString();
    crm.syncHealth.health.lastPullAt = pulled.toISOString();
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const panel = await screen.findByRole("region", { name: "Outlook sync" });
    const zone = crm.me.timeZone;
    expect(
      await within(panel).findByText(
        `Last sent to Outlook: ${timeOf(pushed, zone)} · last read from Outlook: ${timeOf(pulled, zone)}`,
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByText("Changes made in Outlook come back within seconds.")).toBeInTheDocument();
    expect(within(panel).getByText("Nothing waits for Outlook.")).toBeInTheDocument();
  });

  it("says what waits and why, what Outlook refused, and the last problem", async () => {
    const crm = createFakeCrm();
    const since = new Date(Date.now() - 10 * 60_000);
    const retryAt = new Date(Date.now() + 2 * 60_000);
    Object.assign(crm.syncHealth, { notifications: false });
    Object.assign(crm.syncHealth.health, {
      pending: 3,
      failed: 1,
      waiting: [{ reason: "UNREACHABLE", activities: 2, since: since.toISOString(), retryAt: retryAt.toISOString() }],
      lastError: { source: "PULL", message: "Outlook could not be read: fetch failed", at: since.toISOString() },
      subscription: { state: "OFF", expiresAt: null, lastNotificationAt: null },
    });
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const panel = await screen.findByRole("region", { name: "Outlook sync" });
    const zone = crm.me.timeZone;
    expect(
      await within(panel).findByText(
        `2 waiting: Outlook unreachable since ${timeOf(since, zone)}, next try ${timeOf(retryAt, zone)}.`,
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByText("1 on the way to Outlook.")).toBeInTheDocument();
    expect(within(panel).getByText(/^1 not accepted by Outlook/)).toBeInTheDocument();
    expect(within(panel).getByText("Changes made in Outlook come back every few minutes.")).toBeInTheDocument();
    expect(within(panel).getByRole("status")).toHaveTextContent(
      `Last problem reading Outlook (${timeOf(since, zone)}): Outlook could not be read: fetch failed`,
    );
  });

  it("reads again after Sync with Outlook", async () => {
    const user = userEvent.setup();
    const crm = createFakeCrm();
    Object.assign(crm.syncHealth.health, { pending: 1 });
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    server.use(
      http.post(`${API}/api/sync/run`, () => {
        Object.assign(crm.syncHealth.health, { pending: 0 });
        return HttpResponse.json({
          enabled: true,
          push: { pushed: 1, failed: 0, retrying: 0, conflicts: 0 },
          pull: { pages: 1, fullResync: false, updated: 0, cancelled: 0, imported: 0 },
          pending: 0,
          error: null,
          finishedAt: new Date().toISOString(),
        });
      }),
    );
    const panel = await screen.findByRole("region", { name: "Outlook sync" });
    expect(await within(panel).findByText("1 on the way to Outlook.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sync with Outlook" }));
    // The record reloads after the sync: the panel is found afresh.
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "Outlook sync" })).getByText("Nothing waits for Outlook."),
      ).toBeInTheDocument(),
    );
  });

  it("says when calendar sync is not set up", async () => {
    const crm = createFakeCrm();
    Object.assign(crm.syncHealth, { enabled: false });
    renderPane({ from: JONAS, subject: "Open order" }, crm);
    const panel = await screen.findByRole("region", { name: "Outlook sync" });
    expect(await within(panel).findByText("Calendar sync is not set up for this CRM.")).toBeInTheDocument();
  });
});
