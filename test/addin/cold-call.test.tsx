import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

describe("a cold call from the record", () => {
  it("records the call with its outcome and plans the follow-up in the user's time zone", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Open order" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(within(record).getByRole("button", { name: "Cold call" }));
    const form = within(record).getByRole("form", { name: "Cold call" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Outcome" }), "Call back");
    await user.type(within(form).getByRole("textbox", { name: "Notes" }), "Budget decision in March");
    await user.click(within(form).getByRole("checkbox", { name: "Plan a follow-up call" }));
    expect(within(form).getByRole("textbox", { name: /Follow-up subject/ })).toHaveValue("Call Jonas Keller back");
    const date = within(form).getByLabelText("Follow-up date");
    await user.clear(date);
    await user.type(date, "2099-03-02");
    const time = within(form).getByLabelText("Follow-up time");
    await user.clear(time);
    await user.type(time, "10:30");
    await user.click(within(form).getByRole("button", { name: "Save call" }));

    const future = await within(record).findByRole("list", { name: "Future activities" });
    expect(await within(future).findByText("Call Jonas Keller back")).toBeInTheDocument();
    const sent = crm.requests.find((request) => request.path === "/api/cold-calls")!;
    expect(sent.body).toMatchObject({
      outcome: "CALL_BACK",
      notes: "Budget decision in March",
      timeZone: "Europe/Berlin",
      // 10:30 in Berlin on 2 March is 09:30 UTC.
      followUp: { type: "CALL", subject: "Call Jonas Keller back", startsAt: "2099-03-02T09:30:00.000Z" },
    });
    await user.click(within(record).getByRole("switch", { name: "Show finished" }));
    expect(within(record).getByText("Cold call: call back")).toBeInTheDocument();
    expect(within(record).getByLabelText("Outcome: Call back")).toBeInTheDocument();
  });
});
