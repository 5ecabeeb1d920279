import { render, screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { OfficeMockObject } from "office-addin-mock";
import { createElement } from "react";
import { createCrmApi } from "../../addin/src/api/crm-api";
import { TaskPaneApp } from "../../addin/src/app/task-pane-app";
import { API, createFakeCrm, server } from "./support/fake-crm";
import { createOutlookMock } from "./support/office-mock";
import { useFakeServer } from "./support/render-pane";
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
  useFakeServer();

  async function openPaneWith(outlookZone: string | null) {
    const crm = createFakeCrm();
    const changes: unknown[] = [];
    server.resetHandlers(
      http.patch(`${API}/api/me`, async ({ request }) => {
        const body = (await request.json()) as { timeZone: string };
        changes.push(body);
        return HttpResponse.json({ ...crm.me, timeZone: body.timeZone });
      }),
      ...crm.handlers,
    );
    const outlook = createOutlookMock(null);
    const mailbox = { ...outlook.mailbox, userTimeZone: () => outlookZone };
    render(createElement(TaskPaneApp, { api: createCrmApi(API, async () => "test-token"), mailbox, theme: "light" }));
    await screen.findByRole("tab", { name: "This email" });
    return changes;
  }

  it("sets the CRM user's zone to Outlook's when they differ", async () => {
    const changes = await openPaneWith("Tokyo Standard Time");
    await waitFor(() => expect(changes).toEqual([{ timeZone: "Asia/Tokyo" }]));
  });

  it("changes nothing when Outlook's zone is the CRM's already, or Outlook does not say", async () => {
    expect(await openPaneWith("W. Europe Standard Time")).toEqual([]); // the fake user is in Europe/Berlin
    expect(await openPaneWith(null)).toEqual([]);
  });
});
