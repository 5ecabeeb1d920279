import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GIULIA, JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

describe("salesmen of a customer", () => {
  it("changes the linked salesmen with check boxes over the team", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(await within(record).findByRole("button", { name: "Change salesmen" }));
    const form = await within(record).findByRole("form", { name: "Salesmen" });
    expect(within(form).getByRole("checkbox", { name: "Alice Wagner" })).toBeChecked();
    await user.click(within(form).getByRole("checkbox", { name: "Ben Okafor" }));
    await user.click(within(form).getByRole("button", { name: "Save salesmen" }));

    expect(await within(record).findByText("Alice Wagner, Ben Okafor")).toBeInTheDocument();
    const saved = crm.requests.find((request) => request.method === "PUT")!;
    expect(saved.path).toBe(`/api/customers/${crm.customers.fabrikam.id}/salesmen`);
    expect((saved.body as { version: number; salesmanIds: string[] }).salesmanIds).toHaveLength(2);
  });

  it("offers changing the salesmen only to a linked salesman, a manager or an admin", async () => {
    // Alice is not linked to Tailspin Toys (Ben is): she may neither claim it nor release it.
    const { unmount } = renderPane({ from: GIULIA, subject: "Stock" });
    const record = await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    expect(within(record).queryByRole("button", { name: "Change salesmen" })).not.toBeInTheDocument();
    unmount();

    crm.me.role = "MANAGER";
    renderPane({ from: GIULIA, subject: "Stock" });
    const managed = await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    expect(within(managed).getByRole("button", { name: "Change salesmen" })).toBeInTheDocument();
  });

  it("limits a search to the user's own customers, with their count", async () => {
    const user = userEvent.setup();
    renderPane(null);
    await user.click(await screen.findByRole("tab", { name: "Search customers" }));
    const form = screen.getByRole("search", { name: "Search customers" });
    await user.click(within(form).getByRole("checkbox", { name: "Only my customers" }));
    await user.click(within(form).getByRole("button", { name: "Search" }));
    const results = await screen.findByRole("region", { name: "Search results" });
    const names = within(results)
      .getAllByRole("button")
      .map((button) => button.textContent ?? "");
    const mine = Object.values(crm.customers).filter((customer) =>
      customer.salesmen.some((salesman: { email: string }) => salesman.email === "alice@contoso.com"),
    );
    expect(names).toHaveLength(mine.length);
    expect(mine.length).toBeLessThan(Object.values(crm.customers).length);
    expect(within(results).getByText(`${mine.length} customers`)).toBeInTheDocument();
    expect(crm.requests.some((request) => request.path.includes("mine=true"))).toBe(true);
  });
});
