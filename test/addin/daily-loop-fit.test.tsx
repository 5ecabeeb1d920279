import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createCustomer } from "../support/fixtures";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, findEnabledButton, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();
const DAY = 86_400_000;

/** A finished or planned activity on Fabrikam, as Alice records it through the API. */
async function activity(fields: { subject: string; startsAt: Date; status?: "FINISHED"; contactId?: string }) {
  const alice = await crm.as(ALICE);
  return ok(
    alice.post("/api/activities", {
      customerId: crm.customers.fabrikam.id,
      type: "CALL",
      timeZone: "Europe/Berlin",
      reminderMinutesBefore: null,
      ...fields,
      startsAt: fields.startsAt.toISOString(),
      endsAt: new Date(fields.startsAt.getTime() + 15 * 60_000).toISOString(),
    }),
    201,
    fields.subject,
  );
}

/** Whether each node comes after the one before it in the document. */
function inDocumentOrder(nodes: HTMLElement[]) {
  return nodes.every(
    (node, index) => index === 0 || nodes[index - 1]!.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

describe("the record above the fold", () => {
  it("shows name, status, the last interaction and the next step, then the main actions, then the rest", async () => {
    await activity({
      subject: "Price talk",
      startsAt: new Date(Date.now() - 3 * DAY),
      status: "FINISHED",
      contactId: crm.contacts.jonas.id,
    });
    await activity({ subject: "Send the price list", startsAt: new Date(Date.now() + 2 * DAY) });
    renderPane({ from: JONAS, subject: "Prices" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });

    const last = within(record).getByTestId("last-interaction");
    expect(last).toHaveTextContent("Call with Jonas, 3 days ago");
    // The subject is in the tooltip of the one-line summary.
    expect(last).toHaveAttribute("title", "Price talk");
    expect(within(record).getByTestId("next-step")).toHaveTextContent("Call, in 2 days · Send the price list");

    const actions = within(record).getByRole("group", { name: "Main actions" });
    expect(
      inDocumentOrder([
        within(record).getByRole("heading", { name: "Fabrikam, Inc." }),
        within(record).getByTestId("status"),
        last,
        await findEnabledButton("Log this email", actions),
        within(actions).getByRole("button", { name: "New activity" }),
        within(actions).getByRole("button", { name: "Add note" }),
        within(record).getByText("Address"),
        within(record).getByRole("tablist", { name: "Record sections" }),
        await within(record).findByRole("region", { name: "Comments" }),
      ]),
    ).toBeTruthy();
  });

  it("says so when nothing happened yet and nothing is planned", async () => {
    renderPane({ from: { email: "giulia.conti@tailspintoys.com", name: "Giulia Conti" }, subject: "Hi" });
    const record = await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    expect(within(record).getByTestId("last-interaction")).toHaveTextContent("No interaction yet");
    expect(within(record).getByTestId("next-step")).toHaveTextContent("Nothing planned");
  });

  it("marks an overdue next step", async () => {
    // The seeded world's next step lies in 2099: one planned for yesterday comes first, overdue.
    await activity({ subject: "Call back about the offer", startsAt: new Date(Date.now() - DAY) });
    renderPane({ from: JONAS, subject: "Prices" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(within(record).getByTestId("next-step")).toHaveTextContent(
      /^Overdue: Call, yesterday, \d\d:\d\d · Call back about the offer$/,
    );
  });
});

describe("keyboard shortcuts for the main actions", () => {
  const press = (code: string) =>
    fireEvent.keyDown(document.body, { code, key: code.slice(3), altKey: true, shiftKey: true });

  it("opens the new activity and note forms and logs the email, and the tooltips say how", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Shortcut test", internetMessageId: "<shortcut@fabrikam.com>" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    const actions = within(record).getByRole("group", { name: "Main actions" });
    const newActivity = within(actions).getByRole("button", { name: "New activity" });
    expect(newActivity).toHaveAttribute("aria-keyshortcuts", "Alt+Shift+A");
    // Said to a screen reader from the start, shown on hover once the tooltip's own chunk has come.
    expect(newActivity).toHaveAccessibleDescription("Plan a call, visit or task (Alt+Shift+A)");
    await user.hover(newActivity);
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Plan a call, visit or task (Alt+Shift+A)");
    await user.unhover(newActivity);
    await waitFor(() => expect(screen.queryByRole("tooltip")).not.toBeInTheDocument());

    press("KeyA");
    expect(within(record).getByRole("form", { name: "New activity" })).toBeInTheDocument();
    expect(newActivity).toHaveFocus();
    press("KeyN");
    expect(within(record).getByRole("form", { name: "New note" })).toBeInTheDocument();
    expect(within(record).queryByRole("form", { name: "New activity" })).not.toBeInTheDocument();

    await findEnabledButton("Log this email", actions);
    press("KeyL");
    expect(await within(record).findByText("✓ Logged")).toBeInTheDocument();
    const logged = crm.requests.filter((request) => request.method === "POST" && request.path === "/api/email-log");
    expect(logged).toHaveLength(1);
  });

  it("leave a record on a hidden tab alone", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Shortcut test" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(screen.getByRole("tab", { name: "Search customers" }));
    press("KeyA");
    expect(within(record).queryByRole("form", { name: "New activity" })).not.toBeInTheDocument();
  });
});

describe("report rows", () => {
  async function runReport(user: ReturnType<typeof userEvent.setup>, report: string, from?: string, to?: string) {
    await user.click(await screen.findByRole("tab", { name: "Reports" }));
    const form = await screen.findByRole("form", { name: "Report" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Report" }), report);
    if (from && to) {
      const fromField = within(form).getByLabelText(/^From/);
      const toField = within(form).getByLabelText(/^To/);
      await user.clear(fromField);
      await user.type(fromField, from);
      await user.clear(toField);
      await user.type(toField, to);
    }
    await user.click(within(form).getByRole("button", { name: "Show report" }));
    return screen.findByRole("region", { name: "Report results" });
  }

  it("open the customer they are about, and back leads to the same report", async () => {
    const user = userEvent.setup();
    renderPane(null);
    const results = await runReport(user, "Customer list");
    const list = within(results).getByRole("list", { name: "Customer list" });
    await user.click(within(list).getByRole("button", { name: /^Tailspin Toys/ }));
    expect(await screen.findByRole("article", { name: "Customer record Tailspin Toys" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Report results" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "← Back to the report" }));
    expect(within(await screen.findByRole("region", { name: "Report results" })).getByRole("list")).toBe(list);
  });

  it("page beyond 25 with Show more", async () => {
    const user = userEvent.setup();
    // The seeded visit of 1 November 2025, and 25 calls that month: 26 rows.
    // One after the other: the test client's requests each run in React's act(), which must not overlap.
    for (let day = 2; day <= 26; day++)
      await activity({ subject: `Call ${day}`, startsAt: new Date(Date.UTC(2025, 10, day, 9)), status: "FINISHED" });
    renderPane(null);
    const results = await runReport(user, "Activity list", "2025-11-01", "2025-11-30");
    const list = within(results).getByRole("list", { name: "Activity list" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(25);
    expect(within(results).getByText("26 activities, 25 shown")).toBeInTheDocument();
    await user.click(within(results).getByRole("button", { name: "Show more (1 left)" }));
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(26));
    expect(within(results).getByText("26 activities")).toBeInTheDocument();
    expect(within(results).queryByRole("button", { name: /^Show more/ })).not.toBeInTheDocument();
    const subjects = within(list)
      .getAllByRole("listitem")
      .map((card) => card.querySelector("strong")!.textContent);
    expect(new Set(subjects).size).toBe(26);
    const paged = crm.requests.filter((request) => request.path.startsWith("/api/reports/activities?"));
    expect(paged.map((request) => new URLSearchParams(request.path.split("?")[1]).get("offset"))).toEqual(["0", "25"]);
    // Twenty-six rows through the real service on a busy machine: more than the usual minute.
  }, 180_000);
});

describe("search results", () => {
  it("page beyond 25 with Show more", async () => {
    const user = userEvent.setup();
    const alice = await crm.as(ALICE);
    // 26 Contoso branches, one after the other (the test client's requests each run in act()).
    for (let number = 1; number <= 26; number++)
      await createCustomer(alice, { name: `Contoso Branch ${String(number).padStart(2, "0")}`, status: 3 });
    renderPane(null);
    await user.click(await screen.findByRole("tab", { name: "Search customers" }));
    const search = screen.getByRole("search", { name: "Search customers" });
    await user.type(within(search).getByRole("searchbox"), "Contoso Branch");
    await user.click(within(search).getByRole("button", { name: "Search" }));
    const results = await screen.findByRole("region", { name: "Search results" });
    expect(within(results).getAllByRole("listitem")).toHaveLength(25);
    expect(within(results).getByText("26 customers, first 25 shown")).toBeInTheDocument();
    await user.click(within(results).getByRole("button", { name: "Show more (1 left)" }));
    await waitFor(() => expect(within(results).getAllByRole("listitem")).toHaveLength(26));
    expect(within(results).getByRole("button", { name: /^Contoso Branch 26/ })).toBeInTheDocument();
    expect(within(results).queryByRole("button", { name: /^Show more/ })).not.toBeInTheDocument();
  }, 180_000);
});
