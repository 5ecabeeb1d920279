import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, MIA, ok, step } from "./support/crm-world";
import { JONAS, renderPane, useCrm, openRecordTab } from "./support/render-pane";

// Fabrikam left NEW: its history holds only what a test puts there.
const crm = useCrm({ world: { fabrikamApproved: false } });

async function openTimeline() {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "History" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  await openRecordTab(user, record, "Timeline");
  return { user, record };
}
const titles = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((item) => item.firstChild?.textContent);

describe("the Timeline tab", () => {
  it("lists everything newest first, filters by kind and by period, and loads more", async () => {
    // 25 logged e-mails, one a day in January 2026, beside the world's two activities and its note.
    const alice = await crm.as(ALICE);
    for (let day = 1; day <= 25; day++) {
      const at = `2026-01-${String(day).padStart(2, "0")}T08:00:00.000Z`;
      await ok(
        alice.post("/api/email-log", {
          internetMessageId: `<m${day}@fabrikam.com>`,
          subject: `Mail ${day}`,
          from: { email: "jonas.keller@fabrikam.com", name: "Jonas Keller" },
          to: [{ email: "alice@contoso.com", name: "Alice Wagner" }],
          cc: [],
          sentAt: at,
          bodyHtml: "<p>Mail</p>",
          bodyText: "Mail",
          customerId: crm.customers.fabrikam.id,
        }),
        201,
        `Mail ${day}`,
      );
    }
    const { user, record } = await openTimeline();
    let list = await within(record).findByRole("list", { name: "Timeline entries" });
    // The planned meeting in 2099 first, then the newest e-mails.
    expect(titles(list).slice(0, 3)).toEqual([
      "Activity meeting: Quarterly business review",
      "E-mail Mail 25",
      "E-mail Mail 24",
    ]);
    expect(within(list).getAllByRole("listitem")).toHaveLength(20);
    expect(within(record).getByText("20 of 28")).toBeInTheDocument();
    await user.click(within(record).getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(28));
    expect(titles(list).at(-1)).toBe("Activity visit: Visit in Berlin");
    expect(within(record).queryByRole("button", { name: "Load more" })).not.toBeInTheDocument();

    await user.click(within(record).getByRole("checkbox", { name: "Activity" }));
    await waitFor(() => expect(within(record).getByText("2 of 2")).toBeInTheDocument());
    list = within(record).getByRole("list", { name: "Timeline entries" });
    expect(titles(list)).toEqual(["Activity meeting: Quarterly business review", "Activity visit: Visit in Berlin"]);

    await user.click(within(record).getByRole("checkbox", { name: "Activity" }));
    await user.click(within(record).getByRole("checkbox", { name: "E-mail" }));
    await user.type(within(record).getByLabelText("From"), "2026-01-03");
    await user.type(within(record).getByLabelText("To"), "2026-01-05");
    await waitFor(() => expect(within(record).getByText("3 of 3")).toBeInTheDocument());
    list = within(record).getByRole("list", { name: "Timeline entries" });
    expect(titles(list)).toEqual(["E-mail Mail 5", "E-mail Mail 4", "E-mail Mail 3"]);
    const last = crm.requests.filter((request) => request.path.includes("/timeline")).at(-1)!;
    // The days are the user's (Berlin): 3 January starts at 23:00 UTC the day before.
    expect(last.path).toContain("kind=EMAIL");
    expect(decodeURIComponent(last.path)).toContain("from=2026-01-02T23:00:00.000Z");
    expect(decodeURIComponent(last.path)).toContain("to=2026-01-05T22:59:59.999Z");
  });

  it("shows the lifecycle history with who, when and the decline reason", async () => {
    // Released by Alice on 7 January, declined by the accounts department on 8 January.
    const released = await step(await crm.as(ALICE), crm.customers.fabrikam, "release");
    await step(await crm.as(MIA), released, "decline", "Credit check missing");
    const changes = (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/lifecycle`)).history;
    await crm.backdate("CustomerLifecycleChange", changes[1].id, "2026-01-07T09:00:00.000Z");
    await crm.backdate("CustomerLifecycleChange", changes[0].id, "2026-01-08T09:00:00.000Z");
    const { record } = await openTimeline();
    const history = within(record).getByRole("list", { name: "Lifecycle transitions" });
    const items = within(history).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Declined (released → new)");
    expect(items[0]).toHaveTextContent(/Mia Manager · .*2026.*10:00.* · reason: Credit check missing/);
    expect(items[1]).toHaveTextContent("Released (new → released)");
    // The same changes are in the timeline, as lifecycle entries.
    const list = await within(record).findByRole("list", { name: "Timeline entries" });
    expect(within(list).getByText("decline: RELEASED → NEW")).toBeInTheDocument();
  });
});
