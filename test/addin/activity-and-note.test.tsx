import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

useCrm();

describe("new activity from the email", () => {
  it("prefills subject and contact, applies a template, and saves date and time in the user's zone", async () => {
    const user = userEvent.setup();
    const { crm } = renderPane({ from: JONAS, subject: "Visit request" });
    await user.click(await screen.findByRole("button", { name: "New activity" }));
    const form = await screen.findByRole("form", { name: "New activity" });
    expect(within(form).getByLabelText(/Subject/)).toHaveValue("Visit request");
    expect(within(form).getByRole("combobox", { name: "Contact" })).toHaveDisplayValue("Jonas Keller");
    await within(form).findByRole("option", { name: "Customer visit" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Template" }), "Customer visit");
    expect(within(form).getByRole("combobox", { name: "Type" })).toHaveDisplayValue("Visit");
    expect(within(form).getByRole("combobox", { name: "Reminder" })).toHaveDisplayValue("1 hour before");
    expect(within(form).getByText("Europe/Berlin")).toBeInTheDocument();
    const date = within(form).getByLabelText(/Date/);
    await user.clear(date);
    await user.type(date, "2099-03-02");
    const time = within(form).getByLabelText(/^Time(?! zone)/);
    await user.clear(time);
    await user.type(time, "09:30");
    await user.click(within(form).getByRole("button", { name: "Save activity" }));

    const future = await screen.findByRole("list", { name: "Future activities" });
    expect(await within(future).findByText("Visit request")).toBeInTheDocument();
    const post = crm.requests.find((request) => request.method === "POST" && request.path === "/api/activities");
    expect(post?.body).toMatchObject({
      customerId: crm.customers.fabrikam.id,
      contactId: crm.contacts.jonas.id,
      type: "VISIT",
      subject: "Visit request",
      // 09:30 in Berlin in winter is 08:30 UTC; the template's 120 minutes and 60-minute reminder.
      startsAt: "2099-03-02T08:30:00.000Z",
      endsAt: "2099-03-02T10:30:00.000Z",
      timeZone: "Europe/Berlin",
      reminderMinutesBefore: 60,
      status: "PLANNED",
    });
    expect(screen.queryByRole("form", { name: "New activity" })).not.toBeInTheDocument();
  });
});

describe("add a note", () => {
  it("saves typed text with its web address as a link and shows it in the record", async () => {
    const user = userEvent.setup();
    const { crm } = renderPane({ from: JONAS, subject: "Open order" });
    await user.click(await screen.findByRole("button", { name: "Add note" }));
    const form = screen.getByRole("form", { name: "New note" });
    await user.type(within(form).getByLabelText(/Note/), "Prices <2026>: https://fabrikam.example/prices");
    await user.click(within(form).getByRole("button", { name: "Save note" }));
    const notes = await screen.findByRole("list", { name: "Notes" });
    expect(await within(notes).findByRole("link", { name: "https://fabrikam.example/prices" })).toHaveAttribute(
      "href",
      "https://fabrikam.example/prices",
    );
    const post = crm.requests.find((request) => request.method === "POST" && request.path === "/api/notes");
    expect(post?.body).toEqual({
      customerId: crm.customers.fabrikam.id,
      contactId: crm.contacts.jonas.id,
      bodyHtml:
        '<p>Prices &lt;2026&gt;: <a href="https://fabrikam.example/prices">https://fabrikam.example/prices</a></p>',
    });
  });
});
