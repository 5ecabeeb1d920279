import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse, passthrough } from "msw";
import { MIA } from "./support/crm-world";
import { GIULIA, JONAS, apiUrl, findEnabledButton, instead, renderPane, server, useCrm } from "./support/render-pane";

const crm = useCrm();

describe("opening an email shows the sender's record", () => {
  it("shows company, account, status, lifecycle, types, address, phone, salesmen and contact", async () => {
    renderPane({ from: JONAS, subject: "Open order" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(within(record).getByRole("heading", { name: "Fabrikam, Inc." })).toBeInTheDocument();
    expect(within(record).getByText("Account 10001")).toBeInTheDocument();
    expect(within(record).getByText("Status 1 · Customer")).toHaveAttribute("title", "Customer: may receive orders");
    expect(within(record).getByText("Active (approved)")).toBeInTheDocument();
    expect(within(record).getByText("Distributor")).toBeInTheDocument();
    expect(within(record).getByText("Key account")).toBeInTheDocument();
    expect(within(record).getByText("Hauptstraße 12, 10115 Berlin, Germany")).toBeInTheDocument();
    expect(within(record).getByText("+49 30 1234560")).toBeInTheDocument();
    expect(within(record).getByText("Alice Wagner")).toBeInTheDocument();
    expect(within(record).getByText("Jonas Keller · Purchasing manager")).toBeInTheDocument();
  });

  it("marks a status other than 1 in red, as not an actual customer", async () => {
    const { outlook } = renderPane({ from: JONAS, subject: "Open order" });
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(colorOf(screen.getByText("Status 1 · Customer"))).toBeUndefined();
    outlook.select({ from: GIULIA, subject: "Fair follow-up" });
    await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    const status = screen.getByText("Status 3 · Contact at a fair");
    expect(colorOf(status)).toBe("var(--colorPaletteRedForeground1)");
    expect(status).toHaveAttribute("title", "Not an actual customer: no orders");
  });

  it("lists future activities and shows finished ones only on request", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const future = await screen.findByRole("list", { name: "Future activities" });
    expect(within(future).getByText("Quarterly business review")).toBeInTheDocument();
    expect(screen.queryByText("Visit in Berlin")).not.toBeInTheDocument();
    await user.click(screen.getByRole("switch", { name: "Show finished" }));
    const history = screen.getByRole("list", { name: "History activities" });
    expect(within(history).getByText("Visit in Berlin")).toBeInTheDocument();
    expect(within(history).getByText("Finished")).toBeInTheDocument();
  });

  it("renders notes with safe links only and never runs their markup", async () => {
    renderPane({ from: JONAS, subject: "Open order" });
    const notes = await screen.findByRole("list", { name: "Notes" });
    const link = within(notes).getByRole("link", { name: "agreement" });
    expect(link).toHaveAttribute("href", "https://fabrikam.example/agreement");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
    expect(within(notes).queryByRole("link", { name: "bad link" })).not.toBeInTheDocument();
    expect(within(notes).getByText("bad link")).toBeInTheDocument();
    expect(notes.querySelector("img")).toBeNull();
  });

  it("lets the user choose when the participants point to several customers", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, cc: [GIULIA], subject: "Joint project" });
    await screen.findByText("Several customers match this email. Which one?");
    await user.click(screen.getByRole("button", { name: /Tailspin Toys \(10004\)/ }));
    expect(await screen.findByRole("article", { name: "Customer record Tailspin Toys" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /All 2 matching customers/ }));
    await user.click(screen.getByRole("button", { name: /Fabrikam, Inc\. \(10001\)/ }));
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
  });

  it("shows an ambiguous domain as a choice instead of guessing", async () => {
    renderPane({ from: { email: "new.buyer@fabrikam.com", name: "Nora Weiss" }, subject: "Hello" });
    await screen.findByText("Several customers match this email. Which one?");
    expect(screen.getByText("Unknown person; domain used by 2 customers")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Fabrikam Services GmbH \(10014\) · by domain/ })).toBeInTheDocument();
  });

  it("leaves the user out of the participants", async () => {
    renderPane({ from: JONAS, to: [{ email: "Alice@Contoso.com", name: "Alice" }], subject: "Hi" });
    const people = await screen.findByRole("list", { name: "People on this email" });
    expect(within(people).getAllByRole("listitem")).toHaveLength(1);
    expect(within(people).queryByText("Alice@Contoso.com")).not.toBeInTheDocument();
  });
});

describe("a pinned pane follows the selected item", () => {
  it("re-reads the message on ItemChanged and shows an empty state when no item is selected", async () => {
    const { outlook } = renderPane({ from: JONAS, subject: "Open order" });
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    outlook.select({ from: GIULIA, subject: "Fair follow-up" });
    expect(await screen.findByRole("article", { name: "Customer record Tailspin Toys" })).toBeInTheDocument();
    expect(screen.queryByRole("article", { name: "Customer record Fabrikam, Inc." })).not.toBeInTheDocument();
    outlook.select(null);
    expect(await screen.findByText("Select an email to see its sender's customer record.")).toBeInTheDocument();
  });

  it("opens an email in one round trip, and one opened before at once while it asks again behind", async () => {
    const order = { from: JONAS, subject: "Open order", internetMessageId: "<open-order@fabrikam.com>" };
    const { outlook } = renderPane(order);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await findEnabledButton("Log this email");
    const gets = (pattern: RegExp) =>
      crm.requests.filter((request) => request.method === "GET" && pattern.test(request.path));
    const fabrikam = crm.customers.fabrikam.id;
    // The record came along with the lookup; whether the email is logged was asked beside it, once.
    expect(gets(/^\/api\/lookup\?/).map((request) => request.path)).toEqual([
      expect.stringMatching(/[?&]include=record(&|$)/),
    ]);
    expect(gets(new RegExp(`^/api/customers/${fabrikam}$`))).toEqual([]);
    expect(gets(/^\/api\/email-log\/status\?/)).toHaveLength(1);

    outlook.select({ from: GIULIA, subject: "Fair follow-up" });
    await screen.findByRole("article", { name: "Customer record Tailspin Toys" });
    // A colleague changes the phone number; the next lookup is held until the record is drawn.
    const mia = await crm.as(MIA);
    const current = await crm.read(`/api/customers/${fabrikam}`);
    expect(
      (await mia.patch(`/api/customers/${fabrikam}`, { version: current.customer.version, phone: "+49 30 7654321" }))
        .status,
    ).toBe(200);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(
        apiUrl("/api/lookup"),
        async () => {
          await held;
          return passthrough();
        },
        { once: true },
      ),
    );
    outlook.select(order);
    // Drawn from what the pane kept, while the service has not answered yet...
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(within(record).getByText("+49 30 1234560")).toBeInTheDocument();
    // ... and brought up to date when it does.
    release();
    expect(await within(record).findByText("+49 30 7654321")).toBeInTheDocument();
    expect(gets(/^\/api\/lookup\?/)).toHaveLength(3);
    expect(gets(new RegExp(`^/api/customers/${fabrikam}$`))).toEqual([]);
  });
});

describe("errors a person can act on", () => {
  it("explains a failed lookup and recovers on Try again", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    // A failure the real service cannot be made to show on demand: msw answers once instead of it.
    server.use(
      http.get(
        apiUrl("/api/lookup"),
        instead(() => HttpResponse.json({ error: { code: "internal", message: "boom" } }, { status: 500 })),
        { once: true },
      ),
    );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The CRM service had a problem. Try again in a moment.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
  });

  it("says when the service cannot be reached", async () => {
    renderPane({ from: JONAS, subject: "Open order" });
    // A dropped connection: msw answers instead of the service.
    server.use(
      http.get(
        apiUrl("/api/me"),
        instead(() => HttpResponse.error()),
      ),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent("The CRM service cannot be reached");
  });
});

/** The color the stylesheets (Fluent's injected CSS) give an element, if any rule sets one. */
function colorOf(element: HTMLElement): string | undefined {
  let color: string | undefined;
  for (const sheet of Array.from(document.styleSheets))
    for (const rule of Array.from(sheet.cssRules))
      if (rule instanceof CSSStyleRule && rule.style.color && safeMatches(element, rule.selectorText))
        color = rule.style.color;
  return color;
}

function safeMatches(element: HTMLElement, selector: string) {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}
