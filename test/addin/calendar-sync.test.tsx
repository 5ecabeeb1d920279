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
