import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, BEN, type PaneUser, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

/** A comment on Fabrikam by that user, through the API. */
async function comment(author: PaneUser, body: string, pinned = false) {
  const client = await crm.as(author);
  return ok(client.post(`/api/customers/${crm.customers.fabrikam.id}/comments`, { body, pinned }), 201, body);
}
const commentsNow = async () => (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/comments`)).items;

async function openFabrikam() {
  renderPane({ from: JONAS, subject: "Order" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  // The Overview's sections arrive in their own chunk, a moment after the record is drawn.
  return { crm, record, comments: await within(record).findByRole("region", { name: "Comments" }) };
}

describe("comments at the top of the record", () => {
  it("shows pinned comments first and highlighted, as plain text", async () => {
    await comment(BEN, "Older remark");
    await comment(BEN, "Always <b>call</b> before <img src=x onerror=alert(1)> visiting", true);
    await comment(BEN, "Newest remark");
    const { comments } = await openFabrikam();

    const items = within(comments).getAllByRole("listitem");
    expect(items.map((item) => item.getAttribute("aria-label"))).toEqual(["Pinned comment", "Comment", "Comment"]);
    expect(items[0]).toHaveTextContent("Always <b>call</b> before <img src=x onerror=alert(1)> visiting");
    expect(items[0]!.querySelector("b, img")).toBeNull();
    expect(items[0]).toHaveTextContent("Pinned");
    expect(items[1]).toHaveTextContent("Newest remark");
    expect(items[2]).toHaveTextContent("Older remark");
  });

  it("adds a pinned comment and shows it on top", async () => {
    const user = userEvent.setup();
    await comment(BEN, "Earlier note");
    const { comments } = await openFabrikam();
    await user.click(within(comments).getByRole("button", { name: "Add comment" }));
    const form = within(comments).getByRole("form", { name: "New comment" });
    await user.type(within(form).getByRole("textbox", { name: /Comment/ }), "Credit limit reached – ask accounts");
    await user.click(within(form).getByRole("checkbox", { name: "Pin to the top" }));
    await user.click(within(form).getByRole("button", { name: "Save comment" }));

    const pinned = await within(comments).findByRole("listitem", { name: "Pinned comment" });
    expect(pinned).toHaveTextContent("Credit limit reached – ask accounts");
    expect(within(comments).getAllByRole("listitem")[0]).toBe(pinned);
    expect(
      crm.requests.find((request) => request.method === "POST" && request.path.endsWith("/comments"))?.body,
    ).toEqual({
      body: "Credit limit reached – ask accounts",
      pinned: true,
    });
  });

  it("shows the service's refusal next to the text and keeps what was typed", async () => {
    const user = userEvent.setup();
    const { comments } = await openFabrikam();
    await user.click(within(comments).getByRole("button", { name: "Add comment" }));
    const box = within(comments).getByRole("textbox", { name: /Comment/ });
    await user.click(box);
    await user.paste("x".repeat(2001));
    await user.click(within(comments).getByRole("button", { name: "Save comment" }));
    expect(await within(comments).findByText(/2000/, { selector: "[id*=validation]" })).toBeInTheDocument();
    expect(box).toHaveValue("x".repeat(2001));
  });

  it("lets the author edit, unpin and delete their comment", async () => {
    const user = userEvent.setup();
    await comment(ALICE, "Visit in March", true);
    const { comments } = await openFabrikam();

    await user.click(within(comments).getByRole("button", { name: "Edit" }));
    const form = within(comments).getByRole("form", { name: "Edit comment" });
    const box = within(form).getByRole("textbox", { name: /Comment/ });
    await user.clear(box);
    await user.type(box, "Visit in April");
    await user.click(within(form).getByRole("button", { name: "Save comment" }));
    // The real service takes a moment to save: the form closes when it has, and the comment is shown again.
    await waitFor(() => expect(form).not.toBeInTheDocument());
    expect(await within(comments).findByText("Visit in April")).toBeInTheDocument();

    await user.click(within(comments).getByRole("button", { name: "Unpin" }));
    expect(await within(comments).findByRole("listitem", { name: "Comment" })).toHaveTextContent("Visit in April");
    expect(within(comments).queryByText("Pinned")).not.toBeInTheDocument();
    expect((await commentsNow())[0]).toMatchObject({ body: "Visit in April", pinned: false, version: 3 });

    await user.click(within(comments).getByRole("button", { name: "Delete" }));
    await user.click(within(comments).getByRole("button", { name: "Delete comment" }));
    expect(await within(comments).findByText("No comments.")).toBeInTheDocument();
    expect(await commentsNow()).toHaveLength(0);
  });

  it("offers a colleague's comment for change only to managers and admins", async () => {
    await comment(BEN, "Ben's remark");
    const view = await openFabrikam();
    expect(within(view.comments).getByText("Ben's remark")).toBeInTheDocument();
    expect(within(view.comments).queryByRole("button", { name: "Edit" })).not.toBeInTheDocument();
    expect(within(view.comments).queryByRole("button", { name: "Delete" })).not.toBeInTheDocument();
  });

  it("lets a manager pin a colleague's comment", async () => {
    const user = userEvent.setup();
    crm.me.role = "MANAGER";
    await comment(BEN, "Ben's remark");
    const { comments } = await openFabrikam();
    await user.click(within(comments).getByRole("button", { name: "Pin" }));
    expect(await within(comments).findByRole("listitem", { name: "Pinned comment" })).toHaveTextContent("Ben's remark");
  });
});
