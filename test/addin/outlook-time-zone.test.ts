import { render, screen, waitFor } from "@testing-library/react";
import { OfficeMockObject } from "office-addin-mock";
import { createElement } from "react";
import { createCrmApi } from "../../addin/src/api/crm-api";
import { TaskPaneApp } from "../../addin/src/app/task-pane-app";
import { ALICE } from "./support/crm-world";
import { createOutlookMock } from "./support/office-mock";
import { useCrm } from "./support/render-pane";
import { createOfficeMailbox } from "../../addin/src/office/office-mailbox";
import { outlookTimeZone } from "../../addin/src/office/outlook-time-zone";

// Outlook gives the user's zone as a Windows name (Office.UserProfile.timeZone, Mailbox 1.1); the
// pane works in IANA zones like the rest of the CRM.
const mailboxIn = (timeZone: string | undefined) =>
  createOfficeMailbox(
    new OfficeMockObject({
      host: "outlook",
      context: { mailbox: { userProfile: { emailAddress: "alice@contoso.com", timeZone } } },
    }) as unknown as typeof Office,
  );

describe("the user's time zone from Outlook", () => {
  it("turns Outlook's Windows zone into its IANA zone", async () => {
    expect(mailboxIn("W. Europe Standard Time").userTimeZone?.()).toBe("W. Europe Standard Time");
    expect(await outlookTimeZone(mailboxIn("W. Europe Standard Time"))).toBe("Europe/Berlin");
    expect(await outlookTimeZone(mailboxIn("Tokyo Standard Time"))).toBe("Asia/Tokyo");
  });

  it("takes an IANA name as it is, and says nothing for an unknown name or none", async () => {
    expect(await outlookTimeZone(mailboxIn("America/Chicago"))).toBe("America/Chicago");
    expect(await outlookTimeZone(mailboxIn("Not A Zone"))).toBeNull();
    expect(await outlookTimeZone(mailboxIn(undefined))).toBeNull();
  });
});

describe("the pane in the user's Outlook time zone", () => {
  const crm = useCrm();
  // Users outlive the world's resets: put Alice back in Berlin for the suites after this one.
  afterEach(async () => {
    await (await crm.as(ALICE)).request("PATCH", "/api/me", { timeZone: ALICE.timeZone });
  });

  /** Opens the pane as Outlook would with the user's zone; the PATCHes of /api/me it sent. */
  async function openPaneWith(outlookZone: string | null) {
    const outlook = createOutlookMock(null, crm.me.email);
    const mailbox = { ...outlook.mailbox, userTimeZone: () => outlookZone };
    const view = render(
      createElement(TaskPaneApp, {
        api: createCrmApi(location.origin, () => crm.paneToken()),
        mailbox,
        theme: "light",
      }),
    );
    await screen.findByRole("tab", { name: "This email" });
    // The pane reads /api/me first and only then decides whether to change the zone.
    await waitFor(() => expect(crm.requests.some((request) => request.path === "/api/me")).toBe(true));
    const changes = () =>
      crm.requests.filter((request) => request.method === "PATCH" && request.path === "/api/me").map((r) => r.body);
    return { view, changes };
  }

  it("sets the CRM user's zone to Outlook's when they differ", async () => {
    const { changes } = await openPaneWith("Tokyo Standard Time");
    await waitFor(() => expect(changes()).toEqual([{ timeZone: "Asia/Tokyo" }]));
    await waitFor(async () => expect((await crm.read("/api/me")).timeZone).toBe("Asia/Tokyo"));
  });

  it("changes nothing when Outlook's zone is the CRM's already, or Outlook does not say", async () => {
    const berlin = await openPaneWith("W. Europe Standard Time"); // Alice is in Europe/Berlin
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(berlin.changes()).toEqual([]);
    berlin.view.unmount();
    const silent = await openPaneWith(null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(silent.changes()).toEqual([]);
    expect((await crm.read("/api/me")).timeZone).toBe("Europe/Berlin");
  });
});
