import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type SelectedTestMessage, ewsIdOf } from "./support/office-mock";
import { GIULIA, JONAS, apiUrl, instead, renderPane, renderPaneIn, server, useCrm } from "./support/render-pane";
import { HttpResponse, http } from "./support/use-crm";

// "Log N emails" on the real service: several messages ticked in Outlook's list (multi-select,
// Mailbox 1.13) go to the service by their REST ids, which reads each from Alice's mailbox in the
// Graph fake and logs it to the customer its people point to. Progress while it works, then a
// summary; what failed can be retried, and nothing else is lost.
const crm = useCrm({ calendarSync: true });

async function inbox(messages: { from: string; subject: string }[]): Promise<SelectedTestMessage[]> {
  const selected: SelectedTestMessage[] = [];
  for (const message of messages) {
    const { id } = JSON.parse(await crm.service.receiveMail!(crm.me.email, message)) as { id: string };
    selected.push({ restId: id, subject: message.subject });
  }
  return selected;
}

const logOf = async (customerId: string) =>
  ((await crm.read(`/api/customers/${customerId}/email-log?limit=100`)).items as { subject: string }[])
    .map((entry) => entry.subject)
    .sort();

describe("logging several selected emails", () => {
  it("logs 25 selected emails in steps, then sums up what became of each", async () => {
    const user = userEvent.setup();
    const fromJonas = Array.from({ length: 22 }, (_, index) => ({
      from: JONAS.email,
      subject: `Order ${String(index + 1).padStart(2, "0")}`,
    }));
    const selection = await inbox([
      ...fromJonas,
      { from: GIULIA.email, subject: "Fair follow-up" },
      { from: "someone@nowhere.example", subject: "Newsletter" },
    ]);
    // One of them was logged by hand before.
    const alice = await crm.as(crm.me);
    const first = await alice.post("/api/email-log/bulk", { messageIds: [selection[0]!.restId] });
    expect(first.body.results[0].outcome).toBe("logged");
    // And one Outlook lists that the mailbox no longer has (deleted meanwhile).
    selection.push({ restId: "AAMkAGI2deletedAAAA", subject: "Deleted meanwhile" });

    const { outlook } = renderPane({ from: JONAS, subject: "Order 01" });
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    outlook.selectMany(selection);
    expect(await screen.findByRole("heading", { name: "25 emails selected" })).toBeInTheDocument();
    // Outlook's item ids are the EWS form; the pane sends the REST form Graph takes.
    expect(ewsIdOf(selection[0]!.restId)).not.toBe(selection[0]!.restId);

    await user.click(screen.getByRole("button", { name: "Log 25 emails" }));
    expect(await screen.findByText(/Logging… (10|20) of 25 done/)).toBeInTheDocument();
    const summary = await screen.findByRole("status", { name: "Summary" }, { timeout: 15_000 });
    expect(summary).toHaveTextContent("Logged: 22");
    expect(summary).toHaveTextContent("Already logged: 1");
    expect(summary).toHaveTextContent("No matching customer: 1");
    expect(summary).toHaveTextContent("Failed: 1");
    expect(screen.getByRole("list", { name: "No matching customer" })).toHaveTextContent(
      "Newsletter: No customer matches its sender or recipients",
    );
    expect(screen.getByRole("list", { name: "Failed" })).toHaveTextContent("Deleted meanwhile: Not in your mailbox");
    // In steps of ten, each its own request to the service, each id once.
    const posts = crm.requests.filter((request) => request.method === "POST" && request.path === "/api/email-log/bulk");
    expect(posts.map((post) => (post.body as { messageIds: string[] }).messageIds.length)).toEqual([10, 10, 5]);
    expect(posts.flatMap((post) => (post.body as { messageIds: string[] }).messageIds)).toEqual(
      selection.map((message) => message.restId),
    );

    expect(await logOf(crm.customers.fabrikam.id)).toEqual(fromJonas.map((message) => message.subject));
    expect(await logOf(crm.customers.tailspin.id)).toEqual(["Fair follow-up"]);
  });

  it("loses nothing when the service does not answer a step: those are failed, and retried on their own", async () => {
    const user = userEvent.setup();
    const selection = await inbox(
      Array.from({ length: 12 }, (_, index) => ({ from: JONAS.email, subject: `Part ${index + 1}` })),
    );
    let dropped = 0;
    server.use(
      http.post(
        apiUrl("/api/email-log/bulk"),
        instead(() => (dropped++ === 0 ? HttpResponse.error() : undefined)),
      ),
    );
    const { outlook } = renderPane({ from: JONAS, subject: "Part 1" });
    outlook.selectMany(selection);
    await user.click(await screen.findByRole("button", { name: "Log 12 emails" }));
    const summary = await screen.findByRole("status", { name: "Summary" }, { timeout: 15_000 });
    expect(summary).toHaveTextContent("Logged: 2");
    expect(summary).toHaveTextContent("Failed: 10");
    expect(await logOf(crm.customers.fabrikam.id)).toEqual(["Part 11", "Part 12"]);

    await user.click(screen.getByRole("button", { name: "Retry 10 failed" }));
    await waitFor(() => expect(screen.getByRole("status", { name: "Summary" })).toHaveTextContent("Logged: 12"));
    expect(screen.getByRole("status", { name: "Summary" })).toHaveTextContent("Failed: 0");
    expect(screen.queryByRole("button", { name: /Retry/ })).not.toBeInTheDocument();
    expect((await logOf(crm.customers.fabrikam.id)).length).toBe(12);
  });

  it("refuses more than Outlook's 100 plainly, and shows one email again when one is selected", async () => {
    const { outlook } = renderPane({ from: JONAS, subject: "Order 01" });
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    outlook.selectMany(
      Array.from({ length: 101 }, (_, index) => ({ restId: `AAMkAGI2many${index}AAAA`, subject: `Mail ${index}` })),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "101 emails are selected; at most 100 can be logged at once. Select fewer.",
    );
    expect(screen.queryByRole("button", { name: /Log 101 emails/ })).not.toBeInTheDocument();
    outlook.selectMany([]);
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    expect(crm.requests.filter((request) => request.path === "/api/email-log/bulk")).toEqual([]);
  });

  it("offers nothing of it in an Outlook without multi-select (Mailbox 1.12), and says so", async () => {
    const { outlook } = renderPaneIn(
      { requirementSets: { Mailbox: "1.12", DialogApi: "1.2" } },
      { from: JONAS, subject: "Old" },
    );
    const notice = await screen.findByRole("note", { name: "What this Outlook cannot do" });
    expect(notice).toHaveTextContent("log several selected emails at once");
    outlook.selectMany([
      { restId: "AAMkAGI2oneAAAA", subject: "One" },
      { restId: "AAMkAGI2twoAAAA", subject: "Two" },
    ]);
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /emails selected/ })).not.toBeInTheDocument();
    expect(outlook.calls).not.toContain("getSelectedItemsAsync");
    expect(within(document.body).queryByRole("button", { name: /Log \d+ emails/ })).not.toBeInTheDocument();
  });
});
