import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { JONAS, apiUrl, instead, renderPane, server, useCrm } from "./support/render-pane";

const crm = useCrm();

/**
 * The connection drops on the first `times` POSTs to the path (the service may or may not have saved).
 * A fault the real service cannot be made to show: msw answers instead of it, then lets the rest through.
 */
function dropConnection(path: string, times = 1) {
  const sent: (string | null)[] = [];
  server.use(
    http.post(
      apiUrl(path),
      instead(({ request }) => {
        sent.push(request.headers.get("idempotency-key"));
        return sent.length <= times ? HttpResponse.error() : undefined;
      }),
    ),
  );
  return sent;
}

describe("one Idempotency-Key per user action", () => {
  it("sends a retried note save with the key of the first attempt, and the next note with a new one", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const sent = dropConnection("/api/notes");
    await user.click(await screen.findByRole("button", { name: "Add note" }));
    const form = screen.getByRole("form", { name: "New note" });
    await user.type(within(form).getByLabelText(/Note/), "Agreed on delivery in March");
    await user.click(within(form).getByRole("button", { name: "Save note" }));
    expect(await within(form).findByText(/cannot be reached/)).toBeInTheDocument();

    // The user presses Save again: the same action, so the same key.
    await user.click(within(form).getByRole("button", { name: "Save note" }));
    const notes = await screen.findByRole("list", { name: "Notes" });
    expect(await within(notes).findByText("Agreed on delivery in March")).toBeInTheDocument();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^"[\x21-\x7e]{8,255}"$/);
    expect(sent[1]).toBe(sent[0]);

    // A new note is a new action.
    await user.click(screen.getByRole("button", { name: "Add note" }));
    const next = screen.getByRole("form", { name: "New note" });
    await user.type(within(next).getByLabelText(/Note/), "Agreed on delivery in March");
    await user.click(within(next).getByRole("button", { name: "Save note" }));
    await screen.findByRole("button", { name: "Add note" });
    const saved = crm.requests.filter((request) => request.method === "POST" && request.path === "/api/notes");
    expect(saved.map((request) => request.idempotencyKey)).toEqual([sent[0], sent[2]]);
    expect(sent[2]).not.toBe(sent[0]);
  });

  it("gives a save changed after a failure a key of its own (another request must not reuse it)", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Visit request" });
    const sent = dropConnection("/api/activities");
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = screen.getByRole("form", { name: "New activity" });
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    expect(await within(form).findByText(/cannot be reached/)).toBeInTheDocument();
    const subject = within(form).getByLabelText(/Subject/);
    await user.clear(subject);
    await user.type(subject, "Visit request, with samples");
    await user.click(within(form).getByRole("button", { name: "Save activity" }));
    const future = await screen.findByRole("list", { name: "Future activities" });
    expect(await within(future).findByText("Visit request, with samples")).toBeInTheDocument();
    expect(sent).toHaveLength(2);
    expect(sent[1]).not.toBe(sent[0]);
  });
});
