import { screen, within } from "@testing-library/react";
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
