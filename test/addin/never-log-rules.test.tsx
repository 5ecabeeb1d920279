import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PaneUser } from "./support/crm-world";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, findEnabledButton, renderPane, useCrm } from "./support/render-pane";

// Never-log rules in the pane, beside the conversations the user tracks, on the real service: a
// salesman keeps their own and sees the organisation's read-only; an admin keeps the organisation's.
const crm = useCrm();

const SAM: PaneUser = { email: "sam.admin@contoso.com", name: "Sam Admin", role: "ADMIN", timeZone: "Europe/Berlin" };

interface Rule {
  id: string;
  scope: "USER" | "ORGANIZATION";
  value: string;
}
const rulesOf = async (user: PaneUser) =>
  (await ok((await crm.as(user)).get("/api/never-log-rules"), 200, "rules")).items as Rule[];

async function openRules() {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "Pump order" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  await user.click(await findEnabledButton("Never-log rules", record));
  const rules = await within(record).findByRole("region", { name: "Never log automatically" });
  await waitFor(() => expect(within(rules).queryByText("Loading the never-log rules…")).not.toBeInTheDocument());
  return { user, rules };
}

describe("never-log rules in the pane", () => {
  it("shows a salesman their own rules and the organisation's; they add and remove their own, never the organisation's", async () => {
    const admin = await crm.as(SAM);
    await ok(admin.post("/api/never-log-rules", { value: "lawfirm.example", scope: "ORGANIZATION" }), 201, "org");
    const alice = await crm.as(ALICE);
    await ok(alice.post("/api/never-log-rules", { value: "ceo@fabrikam.com" }), 201, "own");

    const { user, rules } = await openRules();
    const own = within(rules).getByRole("group", { name: "Your never-log rules" });
    const organisation = within(rules).getByRole("group", { name: "The organisation's never-log rules" });
    expect(own).toHaveTextContent("ceo@fabrikam.com");
    expect(organisation).toHaveTextContent("lawfirm.example");
    expect(organisation).toHaveTextContent("Set by an administrator.");
    // Read-only for her: no button on the organisation's rule, and no way to add one for everyone.
    expect(within(organisation).queryByRole("button")).not.toBeInTheDocument();
    expect(within(rules).queryByRole("checkbox", { name: "For everyone in the organisation" })).not.toBeInTheDocument();

    // Not an address nor a domain: the pane says so and asks the service nothing.
    const field = within(rules).getByRole("textbox", { name: "Address or domain" });
    await user.type(field, "the works council");
    const posted = () => crm.requests.filter((request) => request.method === "POST").length;
    const before = posted();
    await user.click(within(rules).getByRole("button", { name: "Never log" }));
    expect(
      await within(rules).findByText("Enter an e-mail address (name@example.com) or a domain (example.com)"),
    ).toBeInTheDocument();
    expect(posted()).toBe(before);

    await user.clear(field);
    await user.type(field, " Betriebsrat@Contoso-Partner.example ");
    await user.click(within(rules).getByRole("button", { name: "Never log" }));
    await waitFor(() => expect(own).toHaveTextContent("betriebsrat@contoso-partner.example"));
    expect(field).toHaveValue("");
    expect(await rulesOf(ALICE)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scope: "USER", value: "betriebsrat@contoso-partner.example" }),
        expect.objectContaining({ scope: "ORGANIZATION", value: "lawfirm.example" }),
      ]),
    );

    await user.click(within(own).getByRole("button", { name: "Remove ceo@fabrikam.com" }));
    await waitFor(() => expect(own).not.toHaveTextContent("ceo@fabrikam.com"));
    expect((await rulesOf(ALICE)).map((rule) => rule.value).sort()).toEqual([
      "betriebsrat@contoso-partner.example",
      "lawfirm.example",
    ]);
    // Had she gone round the pane, the service would have refused her too.
    const orgRule = (await rulesOf(ALICE)).find((rule) => rule.scope === "ORGANIZATION")!;
    expect((await alice.request("DELETE", `/api/never-log-rules/${orgRule.id}`)).status).toBe(403);
    expect((await alice.post("/api/never-log-rules", { value: "x.example", scope: "ORGANIZATION" })).status).toBe(403);
  });

  it("lets an admin add and remove the organisation's rules", async () => {
    const admin = await crm.as(SAM);
    await ok(admin.post("/api/never-log-rules", { value: "old-supplier.example", scope: "ORGANIZATION" }), 201, "org");
    crm.me = { ...SAM, id: "" };
    const { user, rules } = await openRules();
    const organisation = within(rules).getByRole("group", { name: "The organisation's never-log rules" });
    expect(organisation).not.toHaveTextContent("Set by an administrator.");

    await user.type(within(rules).getByRole("textbox", { name: "Address or domain" }), "works-council.example");
    await user.click(within(rules).getByRole("checkbox", { name: "For everyone in the organisation" }));
    await user.click(within(rules).getByRole("button", { name: "Never log" }));
    await waitFor(() => expect(organisation).toHaveTextContent("works-council.example"));
    await user.click(within(organisation).getByRole("button", { name: "Remove old-supplier.example" }));
    await waitFor(() => expect(organisation).not.toHaveTextContent("old-supplier.example"));

    // Everyone's now: Alice's list has it, as the organisation's.
    expect(await rulesOf(ALICE)).toEqual([
      expect.objectContaining({ scope: "ORGANIZATION", value: "works-council.example" }),
    ]);
  });
});
