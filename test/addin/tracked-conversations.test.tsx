import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, findEnabledButton, renderPane, useCrm } from "./support/render-pane";

// "Track this conversation" in the record, on the real service: what the pane asks is what the
// service keeps, the pane lists every conversation the user tracks, and stopping one ends it there.
const crm = useCrm();

const tracked = async () =>
  (await crm.read("/api/tracked-conversations")).items as { id: string; conversationId: string; subject: string }[];

describe("tracked conversations in the pane", () => {
  it("tracks the open message's conversation for the record's customer and says so", async () => {
    const user = userEvent.setup();
    const { outlook } = renderPane({ from: JONAS, subject: "Pump order" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    await user.click(await findEnabledButton("Track this conversation", record));
    expect(
      await within(record).findByText(
        "Tracking this conversation for Fabrikam, Inc.: its later messages are logged, pane open or not",
      ),
    ).toBeInTheDocument();
    expect(within(record).queryByRole("button", { name: "Track this conversation" })).not.toBeInTheDocument();
    const conversationId = (await outlook.mailbox.currentItem())!.conversationId;
    expect(await crm.read("/api/tracked-conversations")).toEqual({
      items: [
        expect.objectContaining({
          conversationId,
          customerId: crm.customers.fabrikam.id,
          contactId: crm.contacts.jonas.id,
          subject: "Pump order",
        }),
      ],
    });
  });

  it("lists what the user tracks elsewhere and stops it", async () => {
    const alice = await crm.as(ALICE);
    await ok(
      alice.post("/api/tracked-conversations", {
        conversationId: "AAQk-tailspin-fair",
        customerId: crm.customers.tailspin.id,
        subject: "Fair follow-up",
      }),
      201,
      "tracked at Tailspin",
    );
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Another message" });
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    const list = await within(record).findByRole("region", { name: "Tracked conversations" });
    expect(list).toHaveTextContent("Fair follow-up · Tailspin Toys");
    await user.click(within(list).getByRole("button", { name: "Stop tracking Fair follow-up" }));
    await waitFor(() =>
      expect(within(record).queryByRole("region", { name: "Tracked conversations" })).not.toBeInTheDocument(),
    );
    expect(await tracked()).toEqual([]);
    // This message's conversation is not tracked: the pane offers it.
    expect(await findEnabledButton("Track this conversation", record)).toBeInTheDocument();
  });
});
