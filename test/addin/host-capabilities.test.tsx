/// <reference types="office-js" />
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMsalTokenSource } from "../../addin/src/auth/msal-token-source";
import { hostCapabilities, missingFeatures } from "../../addin/src/office/host-capabilities";
import { signInWithDialog } from "../../addin/src/office/office-dialog";
import { onOfficeThemeChanged } from "../../addin/src/office/office-theme";
import { CURRENT_OUTLOOK, type RequirementSets, isSetSupportedBy } from "./support/office-mock";
import { JONAS, findEnabledButton, renderPaneIn, useCrm } from "./support/render-pane";

const crm = useCrm();

const officeWith = (sets: RequirementSets) =>
  ({ context: { requirements: { isSetSupported: isSetSupportedBy(sets) } } }) as unknown as typeof Office;

/**
 * Outlook on iOS and Android: "Outlook on Android and on iOS support requirement sets up to 1.5"
 * (https://learn.microsoft.com/javascript/api/requirement-sets/outlook/outlook-api-requirement-sets),
 * no NestedAppAuth before build v4.2433.0, no DialogApi set of its own.
 */
const MOBILE: RequirementSets = { Mailbox: "1.5" };
/** Outlook 2021 and the like: Smart Alerts (1.12), but shared mailboxes only from 1.13. */
const OUTLOOK_1_12: RequirementSets = { Mailbox: "1.12", DialogApi: "1.2" };

const PDF = Buffer.from("%PDF-1.7\n%%EOF\n").toString("base64");
const MESSAGE = {
  from: JONAS,
  subject: "Signed order 4711",
  internetMessageId: "<signed-4711@fabrikam.com>",
  attachments: [{ name: "Order 4711.pdf", contentType: "application/pdf", content: PDF }],
};

beforeEach(() => localStorage.clear());

describe("what this Outlook can do (requirement sets)", () => {
  it("asks isSetSupported for each API newer than the manifest's minimum", () => {
    const current = hostCapabilities(officeWith(CURRENT_OUTLOOK));
    for (const capability of [
      "attachments",
      "internetHeaders",
      "logOnSend",
      "sharedMailbox",
      "nestedAppAuth",
      "dialog",
    ])
      expect([capability, current.has(capability as never)]).toEqual([capability, true]);

    const mobile = hostCapabilities(officeWith(MOBILE));
    expect(
      ["attachments", "internetHeaders", "logOnSend", "sharedFolders", "sharedMailbox", "nestedAppAuth"].filter(
        (capability) => mobile.has(capability as never),
      ),
    ).toEqual([]);
    // Outlook reports the dialog through Mailbox 1.4, not always through DialogApi.
    expect(mobile.has("dialog")).toBe(true);

    const outlook112 = hostCapabilities(officeWith(OUTLOOK_1_12));
    expect([outlook112.has("logOnSend"), outlook112.has("sharedFolders"), outlook112.has("sharedMailbox")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("treats an Outlook whose isSetSupported fails, or that has none, as one at the minimum", () => {
    const throwing = {
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("not ready");
          },
        },
      },
    } as unknown as typeof Office;
    expect(hostCapabilities(throwing).has("attachments")).toBe(false);
    expect(hostCapabilities({ context: {} } as unknown as typeof Office).has("logOnSend")).toBe(false);
    expect(hostCapabilities(undefined).has("dialog")).toBe(false);
  });

  it("follows Office's theme only where Outlook sends OfficeThemeChanged (Mailbox 1.14)", () => {
    const withSets = (sets: RequirementSets) => {
      const addHandlerAsync = jest.fn();
      const office = {
        EventType: { OfficeThemeChanged: "officeThemeChanged" },
        context: { requirements: { isSetSupported: isSetSupportedBy(sets) }, mailbox: { addHandlerAsync } },
      } as unknown as typeof Office;
      onOfficeThemeChanged(office, () => undefined);
      return addHandlerAsync.mock.calls.length;
    };
    expect(withSets(CURRENT_OUTLOOK)).toBe(1);
    expect(withSets({ Mailbox: "1.13" })).toBe(0);
  });

  // The notice words each in the pane's language (the pane suite below reads them in English).
  it("names what a user would notice missing", () => {
    expect(missingFeatures(hostCapabilities(officeWith(CURRENT_OUTLOOK)))).toEqual([]);
    expect(missingFeatures(hostCapabilities(officeWith(OUTLOOK_1_12)))).toEqual(["sharedMailboxAndMultiSelect"]);
    expect(missingFeatures(hostCapabilities(officeWith(MOBILE)))).toEqual([
      "attachments",
      "logOnSend",
      "sharedFolders",
      "multiSelect",
    ]);
  });
});

describe("the pane in an older Outlook", () => {
  it("shows the record, logs the email without its attachments, and says once what this Outlook cannot do", async () => {
    const user = userEvent.setup();
    const { outlook } = renderPaneIn({ requirementSets: MOBILE }, MESSAGE);
    const notice = await screen.findByRole("note", { name: "What this Outlook cannot do" });
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
    expect(notice).toHaveTextContent("This Outlook cannot:");
    expect(notice).toHaveTextContent("These need a newer Outlook.");

    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    // Nothing is offered that this Outlook cannot do.
    expect(screen.queryByRole("checkbox", { name: /Keep attachments/ })).not.toBeInTheDocument();
    await user.click(await findEnabledButton("Log this email"));
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged by Alice Wagner");
    expect(screen.queryByRole("button", { name: /Keep attachments/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();

    const log = (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/email-log`)).items;
    expect(log.map((entry: { subject: string }) => entry.subject)).toEqual(["Signed order 4711"]);
    expect((await crm.read(`/api/customers/${crm.customers.fabrikam.id}/attachments`)).items).toEqual([]);
    // The Mailbox 1.8 API was never called: office.js defines it whatever the host supports.
    expect(outlook.calls).toEqual([]);
  });

  it("says it in one sentence when one thing is missing, and stays dismissed", async () => {
    const user = userEvent.setup();
    const first = renderPaneIn({ requirementSets: OUTLOOK_1_12 }, MESSAGE);
    const notice = await screen.findByRole("note", { name: "What this Outlook cannot do" });
    expect(notice).toHaveTextContent(
      "This Outlook cannot open the CRM in shared mailboxes or log several selected emails at once (needs a newer Outlook).",
    );
    // Attachments (Mailbox 1.8) this Outlook can keep.
    expect(await screen.findByRole("checkbox", { name: "Keep attachments (1)" })).toBeInTheDocument();

    await user.click(within(notice).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("note", { name: "What this Outlook cannot do" })).not.toBeInTheDocument();
    first.unmount();

    // The pane opened again in the same Outlook: still dismissed.
    renderPaneIn({ requirementSets: OUTLOOK_1_12 }, MESSAGE);
    await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
    expect(screen.queryByRole("note", { name: "What this Outlook cannot do" })).not.toBeInTheDocument();
  });

  it("shows no notice in a current Outlook", async () => {
    renderPaneIn({ requirementSets: CURRENT_OUTLOOK }, MESSAGE);
    await screen.findByRole("checkbox", { name: "Keep attachments (1)" });
    expect(screen.queryByRole("note", { name: "What this Outlook cannot do" })).not.toBeInTheDocument();
  });
});

describe("sign-in in an older Outlook", () => {
  const config = { clientId: "00000000-0000-0000-0000-000000000001", authority: "https://login.test", apiScope: "x" };

  it("signs in through the dialog without loading MSAL when NestedAppAuth 1.1 is missing", async () => {
    const dialog = jest.fn(async () => "dialog-token");
    const token = createMsalTokenSource(config, dialog, false);
    expect(await token()).toBe("dialog-token");
    expect(await token()).toBe("dialog-token");
    expect(dialog).toHaveBeenCalledTimes(1);
  });

  it("says plainly when this Outlook cannot open the sign-in window", async () => {
    const displayDialogAsync = jest.fn();
    const office = {
      context: { requirements: { isSetSupported: isSetSupportedBy({ Mailbox: "1.3" }) }, ui: { displayDialogAsync } },
    } as unknown as typeof Office;
    await expect(signInWithDialog(office, "https://localhost:3000/addin/auth-dialog.html")).rejects.toThrow(
      "This Outlook cannot open the sign-in window (needs a newer Outlook)",
    );
    expect(displayDialogAsync).not.toHaveBeenCalled();
  });
});
