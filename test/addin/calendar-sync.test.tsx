import { screen, within } from "@testing-library/react";
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
    expect(await screen.findByText("Calendar sync is not set up for this CRM.")).toBeInTheDocument();
  });
});
