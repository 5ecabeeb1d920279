import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BEN, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm, findEnabledButton } from "./support/render-pane";

const crm = useCrm();

const MESSAGE = {
  from: JONAS,
  cc: [{ email: "lena.vogel@fabrikam.com", name: "Lena Vogel" }],
  subject: "Open order 4711",
  internetMessageId: "<order-4711@fabrikam.com>",
  html: "<p>Please confirm <b>order 4711</b>.</p>",
  text: "Please confirm order 4711.",
};

describe("log this email", () => {
  it("stores the message with its identity, participants and body in one click, then shows it logged", async () => {
    const user = userEvent.setup();
    renderPane(MESSAGE);
    await user.click(await findEnabledButton("Log this email"));
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged by Alice Wagner");
    const post = crm.requests.find((request) => request.method === "POST" && request.path === "/api/email-log");
    expect(post?.body).toMatchObject({
      internetMessageId: "<order-4711@fabrikam.com>",
      subject: "Open order 4711",
      from: { email: "jonas.keller@fabrikam.com", name: "Jonas Keller" },
      cc: [{ email: "lena.vogel@fabrikam.com", name: "Lena Vogel" }],
      bodyHtml: "<p>Please confirm <b>order 4711</b>.</p>",
      bodyText: "Please confirm order 4711.",
      customerId: crm.customers.fabrikam.id,
      contactId: crm.contacts.jonas.id,
    });
    const log = screen.getByRole("list", { name: "Logged emails" });
    expect(within(log).getByText("Open order 4711")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "E-mail log (1)" })).toBeInTheDocument();
  });

  it("still shows it logged when the message is opened again", async () => {
    const user = userEvent.setup();
    const { outlook } = renderPane(MESSAGE);
    await user.click(await findEnabledButton("Log this email"));
    await screen.findByRole("status");
    outlook.select({ from: { email: "giulia.conti@tailspintoys.com", name: "Giulia Conti" }, subject: "Other" });
    await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    outlook.select(MESSAGE);
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged");
    expect(screen.queryByRole("button", { name: "Log this email" })).not.toBeInTheDocument();
    expect((await crm.read(`/api/customers/${crm.customers.fabrikam.id}/email-log`)).items).toHaveLength(1);
  });

  it("shows a colleague's logging of the same message instead of offering to log it again", async () => {
    // Ben logged the message for Fabrikam already, on his own device.
    const ben = await crm.as(BEN);
    await ok(
      ben.post("/api/email-log", {
        internetMessageId: MESSAGE.internetMessageId,
        subject: MESSAGE.subject,
        from: MESSAGE.from,
        to: [{ email: "ben@contoso.com", name: "Ben Okafor" }],
        cc: [],
        sentAt: "2026-01-15T08:00:00.000Z",
        bodyHtml: MESSAGE.html,
        bodyText: MESSAGE.text,
        customerId: crm.customers.fabrikam.id,
      }),
      201,
      "Ben's logging",
    );
    renderPane(MESSAGE);
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged by Ben Okafor");
  });

  it("offers no logging for a message being written (compose mode has no message id yet)", async () => {
    renderPane({ ...MESSAGE, internetMessageId: "" });
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(screen.queryByRole("button", { name: "Log this email" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New activity" })).toBeInTheDocument();
  });
});
