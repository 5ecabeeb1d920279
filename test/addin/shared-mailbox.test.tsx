import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createOutlookMock, type TestMessage } from "./support/office-mock";
import { GIULIA, JONAS, findEnabledButton, renderPane, renderPaneIn, useCrm } from "./support/render-pane";

const crm = useCrm();

const SUPPORT = { email: "support@contoso.com", name: "Contoso Support" };
const MIA = { email: "mia.manager@contoso.com", name: "Mia Manager" };
/** Outlook 2021 and the like: shared folders (Mailbox 1.8) but not shared mailboxes (1.13). */
const OUTLOOK_1_12 = { requirementSets: { Mailbox: "1.12", DialogApi: "1.2" } };

/** Jonas writes to the support mailbox, which Alice reads as one of its members. */
const IN_SUPPORT: TestMessage = {
  from: JONAS,
  to: [SUPPORT],
  subject: "Pump 7 leaks again",
  internetMessageId: "<pump-7@fabrikam.com>",
  sharedIn: { kind: "sharedMailbox", owner: SUPPORT.email, permissions: 1 | 2 },
};
/** Jonas writes to Mia; Alice reads it in Mia's Inbox, which Mia shared with her as her delegate. */
const IN_MIAS_INBOX: TestMessage = {
  from: JONAS,
  to: [MIA],
  cc: [{ email: "alice@contoso.com", name: "Alice Wagner" }],
  subject: "Framework agreement 2027",
  internetMessageId: "<framework-2027@fabrikam.com>",
  sharedIn: { kind: "delegateFolder", owner: MIA.email, permissions: 1 },
};

const people = () =>
  within(screen.getByRole("list", { name: "People on this email" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
const logOfFabrikam = async () =>
  (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/email-log`)).items as {
    subject: string;
    mailbox: string;
    loggedBy: { email: string };
  }[];

describe("the pane in a shared mailbox", () => {
  it("shows the correspondent's record, leaves the shared mailbox out of the people, and logs it as from that mailbox", async () => {
    const user = userEvent.setup();
    const { outlook } = renderPane(IN_SUPPORT);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    // support@ is no customer, and nobody is offered to add it as a contact.
    expect(people()).toEqual([expect.stringContaining("Jonas Keller")]);
    expect(screen.queryByText(SUPPORT.email)).not.toBeInTheDocument();

    await user.click(await findEnabledButton("Log this email"));
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged by Alice Wagner");
    const log = within(screen.getByRole("list", { name: "Logged emails" }));
    expect(log.getByText("Pump 7 leaks again")).toBeInTheDocument();
    expect(log.getByText("from the support@contoso.com mailbox")).toBeInTheDocument();
    expect(await logOfFabrikam()).toEqual([
      expect.objectContaining({
        subject: "Pump 7 leaks again",
        mailbox: "support@contoso.com",
        loggedBy: expect.objectContaining({ email: "alice@contoso.com" }),
      }),
    ]);
    expect(outlook.calls).toContain("getSharedPropertiesAsync");
    // Tracking reads the user's own mail, and says so here rather than promise what it cannot do.
    expect(await findEnabledButton("Track this conversation")).toBeInTheDocument();
    expect(
      screen.getByText(
        "Tracking logs the later messages that reach your own Inbox and Sent Items, not those only in the support@contoso.com mailbox.",
      ),
    ).toBeInTheDocument();
  });

  it("logs a message in the user's own mailbox as theirs, with no mailbox line", async () => {
    const user = userEvent.setup();
    renderPane({ ...IN_SUPPORT, sharedIn: undefined, to: [{ email: "alice@contoso.com", name: "Alice Wagner" }] });
    await user.click(await findEnabledButton("Log this email"));
    await screen.findByRole("status");
    const log = within(screen.getByRole("list", { name: "Logged emails" }));
    expect(log.getByText("Pump 7 leaks again")).toBeInTheDocument();
    expect(log.queryByText(/mailbox$/)).not.toBeInTheDocument();
    await findEnabledButton("Track this conversation");
    expect(screen.queryByText(/^Tracking logs the later messages/)).not.toBeInTheDocument();
    expect((await logOfFabrikam()).map((entry) => entry.mailbox)).toEqual(["alice@contoso.com"]);
  });

  it("shows a colleague which mailbox an entry came from, and a shared mailbox's message found again as logged", async () => {
    const user = userEvent.setup();
    const first = renderPane(IN_SUPPORT);
    await user.click(await findEnabledButton("Log this email"));
    await screen.findByRole("status");
    first.unmount();
    // The same message in the same shared mailbox, opened again (by Alice on another device, or a colleague).
    renderPane(IN_SUPPORT);
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged by Alice Wagner");
    const log = within(await screen.findByRole("list", { name: "Logged emails" }));
    expect(log.getByText("from the support@contoso.com mailbox")).toBeInTheDocument();
    expect(await logOfFabrikam()).toHaveLength(1);
  });
});

describe("the pane in a delegate's folder", () => {
  it("shows the record of the real correspondent, leaves the owner and the user out, and logs it as from the owner's mailbox", async () => {
    const user = userEvent.setup();
    renderPane(IN_MIAS_INBOX);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(people()).toEqual([expect.stringContaining("Jonas Keller")]);

    await user.click(await findEnabledButton("Log this email"));
    await screen.findByRole("status");
    expect(
      within(screen.getByRole("list", { name: "Logged emails" })).getByText("from the mia.manager@contoso.com mailbox"),
    ).toBeInTheDocument();
    expect((await logOfFabrikam()).map((entry) => entry.mailbox)).toEqual(["mia.manager@contoso.com"]);
  });

  it("works in an Outlook with shared folders (Mailbox 1.8) but without shared mailboxes (1.13)", async () => {
    const user = userEvent.setup();
    renderPaneIn(OUTLOOK_1_12, IN_MIAS_INBOX);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(await findEnabledButton("Log this email"));
    await screen.findByRole("status");
    expect((await logOfFabrikam()).map((entry) => entry.mailbox)).toEqual(["mia.manager@contoso.com"]);
  });

  it("a pinned pane follows the user from a delegate's folder back to their own mailbox", async () => {
    const user = userEvent.setup();
    const { outlook } = renderPane(IN_MIAS_INBOX);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    outlook.select({
      from: GIULIA,
      to: [MIA],
      subject: "Toys for the fair",
      internetMessageId: "<fair@tailspintoys.com>",
    });
    await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    // In Alice's own mailbox Mia is a colleague on the message like any other: listed, not hidden.
    expect(people()).toEqual([expect.stringContaining("Giulia Conti"), expect.stringContaining("Mia Manager")]);
    await user.click(await findEnabledButton("Log this email"));
    await screen.findByRole("status");
    const tailspin = (await crm.read(`/api/customers/${crm.customers.tailspin.id}/email-log`)).items;
    expect(tailspin.map((entry: { mailbox: string }) => entry.mailbox)).toEqual(["alice@contoso.com"]);
  });
});

describe("Outlook's shared properties, as the office mock has them", () => {
  it("refuses what Outlook would not open: a shared mailbox below Mailbox 1.13, a delegate's folder below 1.8", () => {
    expect(() => createOutlookMock(IN_SUPPORT, "alice@contoso.com", OUTLOOK_1_12)).toThrow(/Mailbox 1.13/);
    expect(() =>
      createOutlookMock(IN_MIAS_INBOX, "alice@contoso.com", { requirementSets: { Mailbox: "1.7" } }),
    ).toThrow(/Mailbox 1.8/);
  });

  it("answers with the owner and permissions in a shared folder, and fails where nothing is shared", async () => {
    const call = (message: TestMessage) => {
      const { office } = createOutlookMock(message);
      return new Promise<{ status: string; value?: Record<string, unknown> }>((resolve) =>
        (
          office.context.mailbox.item as unknown as { getSharedPropertiesAsync(cb: (r: never) => void): void }
        ).getSharedPropertiesAsync(resolve),
      );
    };
    expect(await call(IN_MIAS_INBOX)).toMatchObject({
      status: "succeeded",
      value: { owner: MIA.email, delegatePermissions: 1 },
    });
    expect(await call({ ...IN_MIAS_INBOX, sharedIn: undefined })).toMatchObject({ status: "failed" });
  });
});
