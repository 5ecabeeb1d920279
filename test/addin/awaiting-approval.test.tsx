import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BEN } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();
beforeEach(() => localStorage.clear());

async function openSearch() {
  const user = userEvent.setup();
  const view = renderPane(null);
  await user.click(await screen.findByRole("tab", { name: "Search customers" }));
  return { user, view, form: screen.getByRole("search", { name: "Search customers" }) };
}

describe("the search tab's lists", () => {
  it("gives a manager the customers awaiting approval; a decline's reason shows on the record", async () => {
    crm.me.role = "MANAGER";
    const { user, view, form } = await openSearch();
    await user.click(within(form).getByRole("button", { name: "Awaiting approval" }));
    const list = await screen.findByRole("region", { name: "Awaiting approval" });
    expect(
      within(list)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual([expect.stringContaining("Tailspin Toys")]);
    await user.click(within(list).getByRole("button", { name: /Tailspin Toys/ }));
    const record = await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    await user.click(within(record).getByRole("button", { name: "Decline…" }));
    const decline = within(record).getByRole("form", { name: "Decline customer" });
    await user.type(within(decline).getByRole("textbox", { name: /Reason/ }), "VAT number missing");
    await user.click(within(decline).getByRole("button", { name: "Decline" }));
    await waitFor(() => expect(within(record).queryByRole("button", { name: "Decline…" })).not.toBeInTheDocument());
    view.unmount();

    // Ben, its salesman, opens it and reads why.
    crm.me = { ...BEN, id: crm.team.ben.id };
    const again = await openSearch();
    await user.type(within(again.form).getByRole("searchbox"), "tailspin");
    await user.click(within(again.form).getByRole("button", { name: "Search" }));
    await user.click(await screen.findByRole("button", { name: /Tailspin Toys/ }));
    const declined = await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    const notice = within(declined).getByLabelText("Declined");
    expect(notice).toHaveTextContent(/Declined by Alice Wagner/);
    expect(notice).toHaveTextContent("VAT number missing");
    expect(within(again.form).queryByRole("button", { name: "Awaiting approval" })).not.toBeInTheDocument();
  });

  it("shows the customers opened last while the search box is empty", async () => {
    const first = renderPane({ from: JONAS, subject: "Hello" });
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    first.unmount();
    const { user } = await openSearch();
    const recent = screen.getByRole("region", { name: "Recently opened" });
    await user.click(within(recent).getByRole("button", { name: "Fabrikam, Inc. · 10001" }));
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "← Back to results" }));
    await user.type(screen.getByRole("searchbox"), "x");
    expect(screen.queryByRole("region", { name: "Recently opened" })).not.toBeInTheDocument();
  });
});
