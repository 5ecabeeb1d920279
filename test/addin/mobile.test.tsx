import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { hostCapabilities, missingFeatures } from "../../addin/src/office/host-capabilities";
import { officeThemeMode, onOfficeThemeChanged } from "../../addin/src/office/office-theme";
import { OUTLOOK_ANDROID, OUTLOOK_MOBILE, createOutlookMock } from "./support/office-mock";
import { JONAS, findEnabledButton, renderPaneIn, useCrm } from "./support/render-pane";

const crm = useCrm();

const PDF = Buffer.from("%PDF-1.7\n%%EOF\n").toString("base64");
/** Jonas's order with its PDF, read on Alice's phone. */
const ON_THE_PHONE = {
  from: JONAS,
  subject: "Order 4712 signed",
  internetMessageId: "<signed-4712@fabrikam.com>",
  attachments: [{ name: "Order 4712.pdf", contentType: "application/pdf", content: PDF }],
};

beforeEach(() => localStorage.clear());

describe("the pane in Outlook on iOS and Android", () => {
  it("shows the record and logs the email with nothing but what Outlook mobile has", async () => {
    const user = userEvent.setup();
    const { outlook } = renderPaneIn(OUTLOOK_MOBILE, ON_THE_PHONE);
    const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(within(record).getByRole("heading", { name: /Fabrikam, Inc\./ })).toBeInTheDocument();
    // Attachment content is Mailbox 1.8: not offered.
    expect(screen.queryByRole("checkbox", { name: /Keep attachments/ })).not.toBeInTheDocument();

    await user.click(await findEnabledButton("Log this email"));
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged by Alice Wagner");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    const log = within(await screen.findByRole("list", { name: "Logged emails" }));
    expect(log.getByText("Order 4712 signed")).toBeInTheDocument();
    const entries = (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/email-log`)).items;
    expect(entries).toEqual([
      expect.objectContaining({
        subject: "Order 4712 signed",
        internetMessageId: "<signed-4712@fabrikam.com>",
        mailbox: "alice@contoso.com",
        bodyText: "Order 4712 signed",
      }),
    ]);
    expect((await crm.read(`/api/customers/${crm.customers.fabrikam.id}/attachments`)).items).toEqual([]);
    // Nothing newer than Mailbox 1.5 was asked of Outlook: no attachment content, no shared
    // properties, no theme event; and no pinned-pane handler, since a phone has no pinned pane.
    expect(outlook.calls).toEqual([]);
    expect(officeThemeMode(outlook.office)).toBeNull();
    onOfficeThemeChanged(outlook.office, () => undefined);
    expect(outlook.calls).toEqual([]);
  });

  it("says plainly what Outlook on a phone cannot do, and where it can be done", async () => {
    renderPaneIn(OUTLOOK_ANDROID, ON_THE_PHONE);
    const notice = await screen.findByRole("note", { name: "What this Outlook cannot do" });
    expect(notice).toHaveTextContent("Outlook on a phone or tablet cannot:");
    expect(
      within(notice)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "keep attachments with a logged email",
      "log an email when it is sent",
      "open the CRM in shared mailboxes or a delegate's folders",
      "log several selected emails at once",
    ]);
    // A newer phone app does not help: Outlook mobile stays at Mailbox 1.5.
    expect(notice).toHaveTextContent("Outlook on a computer or on the web can.");
    expect(notice).not.toHaveTextContent("newer Outlook");
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  });

  it("knows the phone by Outlook's host name, whatever else has Mailbox 1.5", () => {
    const phone = hostCapabilities(createOutlookMock(ON_THE_PHONE, "alice@contoso.com", OUTLOOK_MOBILE).office);
    const desktop = hostCapabilities(
      createOutlookMock(ON_THE_PHONE, "alice@contoso.com", { requirementSets: { Mailbox: "1.5" } }).office,
    );
    expect([phone.mobile, desktop.mobile]).toEqual([true, false]);
    expect(missingFeatures(phone)).toEqual(missingFeatures(desktop));
  });

  it("is refused by the mock where Outlook mobile opens no pane: writing, a shared folder, another message under a pinned pane", () => {
    expect(() =>
      createOutlookMock({ ...ON_THE_PHONE, compose: { bodyType: "html" } }, "alice@contoso.com", OUTLOOK_MOBILE),
    ).toThrow(/only when reading/);
    expect(() =>
      createOutlookMock(
        { ...ON_THE_PHONE, sharedIn: { kind: "delegateFolder", owner: "mia.manager@contoso.com" } },
        "alice@contoso.com",
        OUTLOOK_MOBILE,
      ),
    ).toThrow(/shared mailboxes/);
    const outlook = createOutlookMock(ON_THE_PHONE, "alice@contoso.com", OUTLOOK_MOBILE);
    expect(() => outlook.select(ON_THE_PHONE)).toThrow(/no pinned pane/);
  });
});
