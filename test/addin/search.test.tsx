import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { apiUrl, renderPane, server, useCrm } from "./support/render-pane";

const crm = useCrm();

describe("search customers", () => {
  it("filters a text search by type and status, and opens a record", async () => {
    const user = userEvent.setup();
    renderPane(null);
    await user.click(await screen.findByRole("tab", { name: "Search customers" }));
    const form = screen.getByRole("search", { name: "Search customers" });
    await user.type(within(form).getByRole("searchbox"), "fab");
    const types = within(form).getByRole("group", { name: "Types" });
    await user.click(await within(types).findByRole("checkbox", { name: "Distributor" }));
    const statuses = within(form).getByRole("group", { name: "Statuses" });
    await user.click(await within(statuses).findByRole("checkbox", { name: "1 · Customer" }));
    await user.click(within(form).getByRole("button", { name: "Search" }));

    const results = await screen.findByRole("region", { name: "Search results" });
    // The ticked filters narrow the text search too: Fabrikam Services (status 2, no type) is left out.
    expect(within(results).getByText("1 customer")).toBeInTheDocument();
    expect(within(results).queryByRole("button", { name: /Fabrikam Services/ })).not.toBeInTheDocument();
    const search = crm.requests.filter((request) => request.path.startsWith("/api/customers?")).at(-1)!;
    const params = new URLSearchParams(search.path.split("?")[1]);
    expect(params.get("search")).toBe("fab");
    expect(params.getAll("type")).toEqual(["Distributor"]);
    expect(params.getAll("status")).toEqual(["1"]);

    await user.click(within(results).getByRole("button", { name: /Fabrikam, Inc\./ }));
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "← Back to results" }));
    expect(screen.getByRole("region", { name: "Search results" })).toBeInTheDocument();
  });

  it("says so when nothing matches", async () => {
    const user = userEvent.setup();
    renderPane(null);
    await user.click(await screen.findByRole("tab", { name: "Search customers" }));
    await user.type(screen.getByRole("searchbox"), "no such company");
    await user.keyboard("{Enter}");
    expect(await screen.findByText("No customer matches. Change the search or the filters.")).toBeInTheDocument();
  });

  it("shows a broad search as 1000+ when the service stopped counting", async () => {
    const user = userEvent.setup();
    renderPane(null);
    const summary = {
      id: "00000000-0000-4000-8000-000000000001",
      accountNumber: "B0000001",
      name: "Broad GmbH",
      status: { code: 1, label: "Customer" },
      lifecycle: "ACTIVE",
      types: [],
      city: null,
      country: null,
      phone: null,
    };
    // Over 1000 matches would take thousands of customers in the suite's world: msw answers this
    // search instead of the service, with the shape the service gives a capped count.
    server.use(
      http.get(apiUrl("/api/customers"), () =>
        HttpResponse.json({ items: [summary], total: 1000, totalCapped: true, limit: 25, offset: 0 }),
      ),
    );
    await user.click(await screen.findByRole("tab", { name: "Search customers" }));
    await user.type(screen.getByRole("searchbox"), "gmbh");
    await user.keyboard("{Enter}");
    const results = await screen.findByRole("region", { name: "Search results" });
    expect(within(results).getByText("1000+ customers, first 1 shown")).toBeInTheDocument();
  });
});
