import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

// What Outlook says, from the Graph fake (demo/graph-fake) behind the real service's calendar sync:
// Outlook refusing the meeting's create (a 4xx with Graph's error body), or Graph unreachable. The
// service pushes only when asked ("Sync with Outlook"), so each test arranges its state by one sync
// run of Alice's through the API, then opens the pane.

/** Graph's answer to a create it will never accept (Graph error responses: a 4xx with error.code and error.message). */
const REFUSAL = {
  method: "POST",
  path: /^\/me\/events$/,
  status: 400,
  code: "ErrorInvalidRequest",
  message: "The mailbox is full",
};

describe("calendar sync in the pane", () => {
  const crm = useCrm({ calendarSync: true });
  const graph = () => crm.service.graph!;
  const review = () => crm.activities.review;
  const syncAsAlice = async () => ok((await crm.as(ALICE)).post("/api/sync/run", {}), 200, "sync run");
  const syncState = async () => (await crm.read(`/api/activities/${review().id}`)).sync;

  /** Outlook refuses the world's planned meeting: FAILED, with Graph's reason. */
  async function refusedByOutlook() {
    graph().inject(REFUSAL);
    await syncAsAlice();
    expect(await syncState()).toMatchObject({
      state: "FAILED",
      error: "Outlook refused this change (ErrorInvalidRequest): The mailbox is full",
    });
  }

  async function reviewItem() {
    const future = await screen.findByRole("list", { name: "Future activities" });
    return within(future).getByText("Quarterly business review").closest("li")!;
  }

  it("shows each activity's Outlook state, syncs now on request, and sends a refused one again", async () => {
    const user = userEvent.setup();
    await refusedByOutlook();
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await reviewItem();
    expect(within(item).getByText("Not in Outlook")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Sync with Outlook" }));
    expect(await screen.findByText("Outlook calendar is up to date.")).toBeInTheDocument();
    // The service does not try a refused activity again on "Sync with Outlook": Outlook would refuse
    // the same change again. It stays "Not in Outlook" until the user sends it again.
    expect(await syncState()).toMatchObject({ state: "FAILED" });
    expect(within(item).getByText("Not in Outlook")).toBeInTheDocument();

    await user.click(within(item).getByRole("button", { name: "Send to Outlook again" }));
    expect(await within(item).findByText("Syncing…")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sync with Outlook" }));
    expect(await within(item).findByText("In Outlook")).toBeInTheDocument();
    expect(screen.getByText("Outlook calendar is up to date.")).toBeInTheDocument();
    const events = [...graph().mailbox("fake-alice@contoso.com").events.values()];
    expect(events.map((event) => event.subject)).toEqual(["Quarterly business review"]);
  });

  it("says why an activity waits for Outlook and since when, in the user's time zone", async () => {
    graph().outage({ kind: "network" });
    await syncAsAlice();
    const sync = await syncState();
    expect(sync).toMatchObject({ state: "PENDING", waiting: { reason: "UNREACHABLE" } });
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await reviewItem();
    const time = new Intl.DateTimeFormat("en-GB", {
      timeZone: crm.me.timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date(sync.waiting.since));
    expect(within(item).getByText("Waiting for Outlook")).toBeInTheDocument();
    expect(within(item).getByText(`Outlook unreachable since ${time}, retrying`)).toBeInTheDocument();
    expect(within(item).queryByRole("button", { name: "Send to Outlook again" })).not.toBeInTheDocument();
  });

  it("sends an activity Outlook refused again from the pane", async () => {
    const user = userEvent.setup();
    await refusedByOutlook();
    renderPane({ from: JONAS, subject: "Open order" });
    const item = await reviewItem();
    expect(within(item).getByText("Not in Outlook")).toBeInTheDocument();
    await user.click(within(item).getByRole("button", { name: "Send to Outlook again" }));
    expect(await within(item).findByText("Syncing…")).toBeInTheDocument();
    const resent = crm.requests
      .filter((request) => request.method === "POST" && request.path.endsWith("/resend-to-outlook"))
      .map((request) => request.path);
    expect(resent).toEqual([`/api/activities/${review().id}/resend-to-outlook`]);
    expect(within(item).queryByRole("button", { name: "Send to Outlook again" })).not.toBeInTheDocument();
  });
});

describe("calendar sync in the pane, on a CRM without it", () => {
  useCrm();

  it("says so when the CRM has no calendar sync set up", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    await user.click(await screen.findByRole("button", { name: "Sync with Outlook" }));
    // Said twice after the click: by the button, and by the Outlook sync panel, which reads again
    // (and shows "loading" for a moment), so the panel's copy may be replaced while it is looked at.
    await waitFor(() => expect(screen.getAllByText("Calendar sync is not set up for this CRM.")).not.toHaveLength(0));
  });
});

describe("the Outlook sync panel", () => {
  // Arranged as in the suite above: one sync run of Alice's against the Graph fake, then the pane.
  // The pane's service has no SYNC_NOTIFICATION_URL, so Outlook's changes come back by polling.
  const crm = useCrm({ calendarSync: true });
  const graph = () => crm.service.graph!;
  const syncAsAlice = async () => ok((await crm.as(ALICE)).post("/api/sync/run", {}), 200, "sync run");
  const timeOf = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: crm.me.timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date(iso));
  const panel = () => screen.getByRole("region", { name: "Outlook sync" });

  it("says when Outlook last took and gave changes, and how Outlook's come back", async () => {
    await syncAsAlice();
    const { health } = await crm.read("/api/sync/health/me");
    expect(health.lastPushAt).not.toBeNull();
    renderPane({ from: JONAS, subject: "Open order" });
    expect(
      await within(await screen.findByRole("region", { name: "Outlook sync" })).findByText(
        `Last sent to Outlook: ${timeOf(health.lastPushAt)} · last read from Outlook: ${timeOf(health.lastPullAt)}`,
      ),
    ).toBeInTheDocument();
    expect(within(panel()).getByText("Changes made in Outlook come back every few minutes.")).toBeInTheDocument();
    expect(within(panel()).getByText("Nothing waits for Outlook.")).toBeInTheDocument();
  });

  it("says what waits and why, what Outlook refused, and the last problem", async () => {
    graph().inject({
      method: "POST",
      path: /^\/me\/events$/,
      status: 400,
      code: "ErrorInvalidRequest",
      message: "The mailbox is full",
    });
    await syncAsAlice();
    graph().clearFaults();
    await ok(
      (await crm.as(ALICE)).post("/api/activities", {
        customerId: crm.customers.fabrikam.id,
        type: "CALL",
        subject: "Call back",
        startsAt: "2099-03-05T09:00:00.000Z",
        endsAt: "2099-03-05T09:30:00.000Z",
        timeZone: "Europe/Berlin",
      }),
      201,
      "second activity",
    );
    graph().outage({ kind: "network" });
    await syncAsAlice();
    const { health } = await crm.read("/api/sync/health/me");
    const [wait] = health.waiting;
    expect(wait).toMatchObject({ reason: "UNREACHABLE", activities: 1 });
    renderPane({ from: JONAS, subject: "Open order" });
    const region = await screen.findByRole("region", { name: "Outlook sync" });
    expect(
      await within(region).findByText(
        `1 waiting: Outlook unreachable since ${timeOf(wait.since)}, next try ${timeOf(wait.retryAt)}.`,
      ),
    ).toBeInTheDocument();
    expect(within(panel()).getByText(/^1 not accepted by Outlook/)).toBeInTheDocument();
    expect(within(panel()).getByRole("status")).toHaveTextContent(/^Last problem .*: /);
    expect(within(panel()).getByRole("status")).toHaveTextContent(health.lastError.message);
  });

  it("reads again after Sync with Outlook", async () => {
    const user = userEvent.setup();
    graph().outage({ kind: "network" });
    await syncAsAlice();
    renderPane({ from: JONAS, subject: "Open order" });
    const region = await screen.findByRole("region", { name: "Outlook sync" });
    expect(await within(region).findByText(/^1 waiting: Outlook unreachable since/)).toBeInTheDocument();
    graph().clearFaults();
    await user.click(screen.getByRole("button", { name: "Sync with Outlook" }));
    // The record reloads after the sync: the panel is found afresh.
    await waitFor(() => expect(within(panel()).getByText("Nothing waits for Outlook.")).toBeInTheDocument());
  });
});

describe("the Outlook sync panel, on a CRM without calendar sync", () => {
  useCrm();

  it("says when calendar sync is not set up", async () => {
    renderPane({ from: JONAS, subject: "Open order" });
    const region = await screen.findByRole("region", { name: "Outlook sync" });
    expect(await within(region).findByText("Calendar sync is not set up for this CRM.")).toBeInTheDocument();
  });
});
