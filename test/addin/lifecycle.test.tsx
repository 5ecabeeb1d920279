import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GIULIA, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

describe("customer lifecycle in the record", () => {
  it("lets a salesman release a new customer after confirming, and then offers it no more", async () => {
    const user = userEvent.setup();
    renderPane(null);
    await user.click(await screen.findByRole("tab", { name: "Search customers" }));
    await user.type(screen.getByRole("searchbox"), "Fabrikam Services");
    await user.keyboard("{Enter}");
    const results = await screen.findByRole("region", { name: "Search results" });
    await user.click(within(results).getByRole("button", { name: /Fabrikam Services GmbH/ }));
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam Services GmbH" });
    const lifecycle = within(record).getByRole("group", { name: "Lifecycle" });
    expect(within(lifecycle).queryByRole("button", { name: "Approve" })).not.toBeInTheDocument();

    await user.click(within(lifecycle).getByRole("button", { name: "Release…" }));
    const confirm = within(record).getByRole("form", { name: "Release customer" });
    expect(confirm).toHaveTextContent("Release Fabrikam Services GmbH to the accounts department for approval?");
    await user.click(within(confirm).getByRole("button", { name: "Release" }));

    expect(await within(record).findByText("Released")).toBeInTheDocument();
    expect(within(record).queryByRole("group", { name: "Lifecycle" })).not.toBeInTheDocument();
    const released = crm.requests.find((request) => request.path.endsWith("/release"))!;
    expect(released.body).toEqual({ version: 1 });
  });

  it("lets a manager decline a released customer only with a reason", async () => {
    const user = userEvent.setup();
    crm.me.role = "MANAGER";
    renderPane({ from: GIULIA, subject: "Fair follow-up" });
    const record = await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    const lifecycle = within(record).getByRole("group", { name: "Lifecycle" });
    expect(within(lifecycle).getByRole("button", { name: "Approve" })).toBeInTheDocument();

    await user.click(within(lifecycle).getByRole("button", { name: "Decline…" }));
    const form = within(record).getByRole("form", { name: "Decline customer" });
    const decline = within(form).getByRole("button", { name: "Decline" });
    expect(decline).toBeDisabled();
    await user.type(within(form).getByRole("textbox", { name: /Reason/ }), "No credit check yet");
    await user.click(decline);

    expect(await within(record).findByText("New")).toBeInTheDocument();
    const { history } = await crm.read(`/api/customers/${crm.customers.tailspin.id}/lifecycle`);
    expect(history[0]).toMatchObject({
      transition: "DECLINE",
      from: "RELEASED",
      to: "NEW",
      reason: "No credit check yet",
    });
  });
});
