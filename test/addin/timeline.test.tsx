import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createFakeCrm } from "./support/fake-crm";
import { JONAS, renderPane, useFakeServer, openRecordTab } from "./support/render-pane";

useFakeServer();

const alice = { id: "00000000-0000-4000-8000-00000000a11c", name: "Alice Wagner", email: "alice@contoso.com" };

async function openTimeline(crm: ReturnType<typeof createFakeCrm>) {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "History" }, crm);
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
    const crm = createFakeCrm();
    // 25 logged e-mails, one a day in January 2026, beside the fake's two activities and its note.
    for (let day = 1; day <= 25; day++) {
      const at = `2026-01-${String(day).padStart(2, "0")}T08:00:00.000Z`;
      crm.emailLog.push({
        id: `00000000-0000-4000-8000-0000000f${String(day).padStart(4, "0")}`,
        internetMessageId: `<m${day}@fabrikam.com>`,
        conversationId: null,
        subject: `Mail ${day}`,
        from: { email: "jonas.keller@fabrikam.com", name: "Jonas Keller" },
        to: [],
        cc: [],
        sentAt: at,
        receivedAt: at,
        bodyHtml: "",
        bodyText: "",
        customerId: crm.customers.fabrikam.id,
        contactId: null,
        loggedBy: alice,
        loggedAt: at,
        loggedBecause: null,
      });
    }
    const { user, record } = await openTimeline(crm);
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
    const crm = createFakeCrm();
    crm.lifecycleHistory.set(crm.customers.fabrikam.id, [
      {
        id: "00000000-0000-4000-8000-0000000000d2",
        transition: "DECLINE",
        from: "RELEASED",
        to: "NEW",
        reason: "Credit check missing",
        changedBy: { ...alice, name: "Mia Manager" },
        changedAt: "2026-01-08T09:00:00.000Z",
      },
      {
        id: "00000000-0000-4000-8000-0000000000d1",
        transition: "RELEASE",
        from: "NEW",
        to: "RELEASED",
        reason: null,
        changedBy: alice,
        changedAt: "2026-01-07T09:00:00.000Z",
      },
    ]);
    const { record } = await openTimeline(crm);
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
