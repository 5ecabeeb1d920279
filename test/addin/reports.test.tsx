import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { chartSummary } from "../../addin/src/features/reports/contacts-chart";
import { createFormat, createPaneI18n, resources } from "../../addin/src/i18n";
import { dayInZone } from "contract/zoned-time";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm, openRecordTab } from "./support/render-pane";

const crm = useCrm();

// jsdom has no object URLs; the pane hands the downloaded blob to one and clicks a link to it.
const saved: { name: string; blob: Blob }[] = [];
beforeAll(() => {
  URL.createObjectURL = (blob: Blob) => `blob:test/${saved.push({ name: "", blob }) - 1}`;
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    saved[Number(this.href.split("/").pop())]!.name = this.download;
  };
});
beforeEach(() => {
  saved.length = 0;
});

async function openReports() {
  const user = userEvent.setup();
  const view = renderPane(null);
  await user.click(await screen.findByRole("tab", { name: "Reports" }));
  const form = await screen.findByRole("form", { name: "Report" });
  return { user, form, ...view };
}

// Each row of a report is a card in a list; its title is the customer's name or the activity's subject.
const titles = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((card) => card.querySelector("strong")!.textContent);

describe("the Reports tab", () => {
  it("runs the customer list filtered to my customers and exports exactly that as CSV", async () => {
    const { user, form } = await openReports();
    await user.selectOptions(within(form).getByRole("combobox", { name: "Salesman of the customer" }), "Mine");
    await user.click(within(form).getByRole("button", { name: "Show report" }));

    const results = await screen.findByRole("region", { name: "Report results" });
    const table = within(results).getByRole("list", { name: "Customer list" });
    // Tailspin belongs to Ben; the list is sorted by name.
    expect(titles(table)).toEqual(["Fabrikam Services GmbH", "Fabrikam, Inc."]);
    expect(within(results).getByText("2 customers")).toBeInTheDocument();

    await user.click(within(results).getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    // The service names the file by today in the user's zone (the fake's clock stood at 2026-01-10).
    const today = dayInZone(new Date(), "Europe/Berlin");
    expect(saved[0]!.name).toBe(`customers-${today}.csv`);
    const text = await saved[0]!.blob.text();
    expect(text).toContain("Fabrikam, Inc.");
    expect(text).not.toContain("Tailspin");
    const csv = crm.requests.find((request) => request.path.includes("format=csv"))!;
    expect(new URLSearchParams(csv.path.split("?")[1]).get("salesman")).toBe("me");

    await user.click(within(results).getByRole("button", { name: "Address labels (PDF)" }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.name).toBe(`address-labels-${today}.pdf`);
    expect(await saved[1]!.blob.text()).toMatch(/^%PDF/);
  });

  it("filters by type and status, and offers labels only for the customer list", async () => {
    const { user, form } = await openReports();
    await user.click(await within(form).findByRole("checkbox", { name: "Reseller" }));
    await user.click(within(form).getByRole("checkbox", { name: "3 · Contact at a fair" }));
    await user.click(within(form).getByRole("button", { name: "Show report" }));
    const results = await screen.findByRole("region", { name: "Report results" });
    expect(titles(within(results).getByRole("list", { name: "Customer list" }))).toEqual(["Tailspin Toys"]);

    await user.selectOptions(within(form).getByRole("combobox", { name: "Report" }), "Quote list");
    await user.click(within(form).getByRole("button", { name: "Show report" }));
    expect(await screen.findByText("Nothing matches. Change the filters.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Address labels (PDF)" })).not.toBeInTheDocument();
  });

  it("limits the customer list to those whose latest finished activity lies in the period", async () => {
    const { user, form } = await openReports();
    await user.click(within(form).getByRole("radio", { name: "Latest activity" }));
    await user.type(within(form).getByLabelText(/^From/), "2025-11-01");
    await user.type(within(form).getByLabelText(/^To/), "2025-11-30");
    await user.click(within(form).getByRole("button", { name: "Show report" }));
    const table = await screen.findByRole("list", { name: "Customer list" });
    expect(titles(table)).toEqual(["Fabrikam, Inc."]);
    const request = crm.requests.filter((entry) => entry.path.startsWith("/api/reports/customers?")).at(-1)!;
    expect(new URLSearchParams(request.path.split("?")[1]).get("periodOf")).toBe("lastActivity");
  });

  it("needs a period for the activity reports and refuses one that ends before it starts", async () => {
    const { user, form } = await openReports();
    await user.selectOptions(within(form).getByRole("combobox", { name: "Report" }), "Activity list");
    const from = within(form).getByLabelText(/^From/);
    const to = within(form).getByLabelText(/^To/);
    // This year so far is filled in.
    expect(from).toHaveValue(`${dayInZone(new Date(), "Europe/Berlin").slice(0, 4)}-01-01`);
    await user.clear(to);
    expect(within(form).getByRole("alert")).toHaveTextContent("This report needs a period: choose both days.");
    expect(within(form).getByRole("button", { name: "Show report" })).toBeDisabled();
    await user.clear(from);
    await user.type(from, "2025-12-01");
    await user.type(to, "2025-11-01");
    expect(within(form).getByRole("alert")).toHaveTextContent("The period ends before it starts.");
    await user.clear(to);
    await user.type(to, "2025-12-31");
    await user.clear(from);
    await user.type(from, "2025-11-01");
    await user.click(within(form).getByRole("button", { name: "Show report" }));
    const table = await screen.findByRole("list", { name: "Activity list" });
    expect(titles(table)).toEqual(["Visit in Berlin"]);
  });

  it("summarises activities per month with planned and done", async () => {
    const { user, form } = await openReports();
    await user.selectOptions(within(form).getByRole("combobox", { name: "Report" }), "Activities per period");
    const from = within(form).getByLabelText(/^From/);
    const to = within(form).getByLabelText(/^To/);
    await user.clear(from);
    await user.type(from, "2025-10-01");
    await user.clear(to);
    await user.type(to, "2025-12-31");
    await user.click(within(form).getByRole("button", { name: "Show report" }));
    const table = await screen.findByRole("list", { name: "Activity summary" });
    expect(within(table).getAllByRole("listitem")[0]).toHaveTextContent(/2025-11.*Alice Wagner.*visit.*0.*1/);
  });
});

describe("the contacts chart", () => {
  it("sits at the top of the Timeline tab with a summary and the numbers per month for screen readers", async () => {
    const now = new Date(Date.now() - 60_000).toISOString();
    const fabrikam = crm.customers.fabrikam.id;
    // Two finished calls a minute ago and a meeting still planned, entered by Alice.
    const alice = await crm.as(ALICE);
    for (const [type, status] of [
      ["CALL", "FINISHED"],
      ["CALL", "FINISHED"],
      ["MEETING", "PLANNED"],
    ] as const)
      await ok(
        alice.post("/api/activities", {
          customerId: fabrikam,
          type,
          status,
          subject: `${type} ${status}`,
          startsAt: now,
          endsAt: now,
          timeZone: "Europe/Berlin",
          reminderMinutesBefore: 15,
        }),
        201,
        type,
      );
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "History" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await openRecordTab(user, record, "Timeline");
    const chart = await within(record).findByRole("img", { name: /^Contacts in the last 12 months/ });
    expect(chart).toHaveAccessibleName(/2 calls, 0 visits or meetings, 0 e-mails logged/);
    const table = within(record).getByRole("table", { name: "Contacts per month" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(13);
    const thisMonth = new Intl.DateTimeFormat("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "Europe/Berlin",
    }).format(new Date());
    expect(rows[12]).toHaveTextContent(`${thisMonth}200`);
    expect(
      crm.requests.some((request) => request.path === `/api/customers/${fabrikam}/contact-history?months=12`),
    ).toBe(true);
  });

  it("says so when there were no contacts, and names the busiest month otherwise", () => {
    const english = [createPaneI18n("en", resources.en).getFixedT("en", "reports"), createFormat("en-US")] as const;
    const quiet = [{ month: "2026-01", calls: 0, meetings: 0, emails: 0 }];
    expect(chartSummary(quiet, ...english)).toBe("No calls, visits, meetings or e-mails in the last 1 month.");
    const months = [
      { month: "2026-01", calls: 1, meetings: 0, emails: 0 },
      { month: "2026-02", calls: 1, meetings: 1, emails: 3 },
    ];
    expect(chartSummary(months, ...english)).toBe(
      "Contacts in the last 2 months: 2 calls, 1 visit or meeting, 3 e-mails logged. Most in February 2026 (5).",
    );
    // A German Outlook reads the same in German, the month as Germans name it.
    expect(
      chartSummary(months, createPaneI18n("de", resources.de).getFixedT("de", "reports"), createFormat("de-DE")),
    ).toBe(
      "Kontakte in den letzten 2 Monaten: 2 Anrufe, 1 Besuch oder Besprechung, 3 E-Mails protokolliert. " +
        "Die meisten im Februar 2026 (5).",
    );
  });
});
