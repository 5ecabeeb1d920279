import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, passthrough } from "msw";
import { MIA } from "./support/crm-world";
import { GIULIA, JONAS, apiUrl, renderPane, server, useCrm } from "./support/render-pane";

// The answers the pane keeps for a few minutes (shared/selection-cache.ts): a customer seen a moment
// ago draws at once and is brought up to date behind; after the pane's own change, or once the
// answer is old, nothing kept is drawn.

const crm = useCrm();

const ORDER = { from: JONAS, subject: "Open order", internetMessageId: "<recent-order@fabrikam.com>" };
const FAIR = { from: GIULIA, subject: "Fair follow-up", internetMessageId: "<recent-fair@tailspintoys.com>" };

/** Holds the service's next answer to GET `path` until release() is called. */
function holdNext(path: string) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get(
      apiUrl(path),
      async () => {
        await held;
        return passthrough();
      },
      { once: true },
    ),
  );
  return release;
}

async function colleagueSetsPhone(phone: string) {
  const fabrikam = crm.customers.fabrikam.id;
  const current = await crm.read(`/api/customers/${fabrikam}`);
  const response = await (
    await crm.as(MIA)
  ).patch(`/api/customers/${fabrikam}`, {
    version: current.customer.version,
    phone,
  });
  expect(response.status).toBe(200);
}

describe("a customer seen a moment ago", () => {
  it("opens at once from the search, then shows a colleague's change made meanwhile", async () => {
    const user = userEvent.setup();
    renderPane(null);
    await user.click(await screen.findByRole("tab", { name: "Search customers" }));
    const form = screen.getByRole("search", { name: "Search customers" });
    await user.type(within(form).getByRole("searchbox"), "fabrikam, inc");
    await user.click(within(form).getByRole("button", { name: "Search" }));
    const results = await screen.findByRole("region", { name: "Search results" });
    await user.click(await within(results).findByRole("button", { name: /Fabrikam, Inc\./ }));
    expect(await screen.findByText("+49 30 1234560")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "← Back to results" }));

    await colleagueSetsPhone("+49 30 1112223");
    const release = holdNext(`/api/customers/${crm.customers.fabrikam.id}`);
    const again = await screen.findByRole("region", { name: "Search results" });
    await user.click(within(again).getByRole("button", { name: /Fabrikam, Inc\./ }));
    // Drawn from what the pane kept while the service has not answered...
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(within(record).getByText("+49 30 1234560")).toBeInTheDocument();
    // ...and brought up to date when it has.
    release();
    expect(await within(record).findByText("+49 30 1112223")).toBeInTheDocument();
  });

  it("is not drawn as it was after the pane itself changed something", async () => {
    const user = userEvent.setup();
    const { outlook } = renderPane(ORDER);
    const first = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(within(first).getByRole("button", { name: "Add note" }));
    const form = await screen.findByRole("form", { name: "New note" });
    await user.type(within(form).getByLabelText(/Note/), "Called back about the order");
    await user.click(within(form).getByRole("button", { name: "Save note" }));
    expect(await within(first).findByText("Called back about the order")).toBeInTheDocument();
    outlook.select(FAIR);
    await screen.findByRole("article", { name: "Customer record Tailspin Toys" });

    const release = holdNext("/api/lookup");
    outlook.select(ORDER);
    // Nothing kept from before the note: the pane waits for the service instead of drawing it stale.
    expect(await screen.findByText("Looking up the people on this email…")).toBeInTheDocument();
    expect(screen.queryByRole("article", { name: "Customer record Fabrikam, Inc." })).not.toBeInTheDocument();
    release();
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    // The Overview's sections come a moment after the record's head (a deferred render).
    expect(await within(record).findByText("Called back about the order")).toBeInTheDocument();
  });

  it("is asked for anew, not drawn, once what was kept is more than five minutes old", async () => {
    const { outlook } = renderPane(ORDER);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    outlook.select(FAIR);
    await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    const later = Date.now() + 5 * 60_000 + 1_000;
    const now = jest.spyOn(Date, "now").mockReturnValue(later);
    try {
      const release = holdNext("/api/lookup");
      outlook.select(ORDER);
      expect(await screen.findByText("Looking up the people on this email…")).toBeInTheDocument();
      release();
      expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    } finally {
      now.mockRestore();
    }
  });
});
