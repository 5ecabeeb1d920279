import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm, findEnabledButton } from "./support/render-pane";

const crm = useCrm();

const MESSAGE = {
  from: JONAS,
  subject: "Newsletter question",
  internetMessageId: "<newsletter-1@fabrikam.com>",
  html: "<p>Hi</p>",
  text: "Hi",
};

/** Jonas Keller (Fabrikam) withdrew the given channel by letter. */
async function withdrawn(...channels: ("EMAIL" | "PHONE" | "POST")[]) {
  const alice = await crm.as(ALICE);
  const consent = (channel: string, status: string, source: string, date: string) =>
    ok(alice.post(`/api/contacts/${crm.contacts.jonas.id}/consent`, { channel, status, source, date }), 201, channel);
  await consent("EMAIL", "GRANTED", "Web form", "2025-01-01");
  for (const channel of channels) await consent(channel, "WITHDRAWN", "Letter", "2025-12-01");
}
const posted = (path: string) => crm.requests.filter((request) => request.method === "POST" && request.path === path);

describe("the consent warning", () => {
  it("warns before logging an e-mail from a contact who withdrew e-mail consent; Cancel logs nothing", async () => {
    const user = userEvent.setup();
    await withdrawn("EMAIL");
    renderPane(MESSAGE);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(await findEnabledButton("Log this email"));
    const warning = await screen.findByRole("alert", { name: "Consent withdrawn" });
    expect(warning).toHaveTextContent("Jonas Keller withdrew consent for e-mail (Letter, 2025-12-01)");
    await user.click(within(warning).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alert", { name: "Consent withdrawn" })).not.toBeInTheDocument();
    expect(posted("/api/email-log")).toHaveLength(0);

    await user.click(await findEnabledButton("Log this email"));
    await user.click(
      within(await screen.findByRole("alert", { name: "Consent withdrawn" })).getByRole("button", {
        name: "Continue anyway",
      }),
    );
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged");
    expect(posted("/api/email-log")).toHaveLength(1);
  });

  it("logs at once when only another channel is withdrawn", async () => {
    const user = userEvent.setup();
    await withdrawn("PHONE");
    renderPane(MESSAGE);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(await findEnabledButton("Log this email"));
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged");
    expect(screen.queryByRole("alert", { name: "Consent withdrawn" })).not.toBeInTheDocument();
    expect(posted("/api/email-log")).toHaveLength(1);
  });

  it("warns before planning a call, not before planning a visit, with a contact who withdrew phone consent", async () => {
    const user = userEvent.setup();
    await withdrawn("PHONE");
    renderPane({ from: JONAS, subject: "Call me" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(within(record).getByRole("button", { name: "New activity" }));
    const form = within(record).getByRole("form", { name: "New activity" });
    expect(within(form).getByRole("combobox", { name: "Contact" })).toHaveDisplayValue("Jonas Keller");
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    const warning = await within(form).findByRole("alert", { name: "Consent withdrawn" });
    expect(warning).toHaveTextContent("Jonas Keller withdrew consent for phone");
    expect(posted("/api/activities")).toHaveLength(0);
    await user.click(within(warning).getByRole("button", { name: "Cancel" }));

    await user.selectOptions(within(form).getByRole("combobox", { name: "Type" }), "Visit");
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    await within(record).findByRole("button", { name: "New activity" });
    expect(posted("/api/activities")).toHaveLength(1);
    expect(posted("/api/activities")[0]!.body).toMatchObject({ type: "VISIT" });
  });

  it("warns before the cold call and records it after Continue anyway", async () => {
    const user = userEvent.setup();
    await withdrawn("PHONE");
    renderPane({ from: JONAS, subject: "Call me" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(within(record).getByRole("button", { name: "Cold call" }));
    const form = within(record).getByRole("form", { name: "Cold call" });
    await user.click(within(form).getByRole("button", { name: "Save call" }));
    const warning = await within(form).findByRole("alert", { name: "Consent withdrawn" });
    expect(posted("/api/cold-calls")).toHaveLength(0);
    await user.click(within(warning).getByRole("button", { name: "Continue anyway" }));
    await within(record).findByRole("button", { name: "Cold call" });
    expect(posted("/api/cold-calls")).toHaveLength(1);
  });

  it("marks the contact in the header and the participant list", async () => {
    await withdrawn("EMAIL");
    renderPane({ from: JONAS, subject: "Hi" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(within(record).getByText("No e-mail marketing")).toBeInTheDocument();
    expect(within(record).queryByText("No phone marketing")).not.toBeInTheDocument();
    const people = screen.getByRole("list", { name: "People on this email" });
    expect(within(people).getByText("No e-mail marketing")).toBeInTheDocument();
  });
});
