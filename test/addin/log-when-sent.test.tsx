/// <reference types="office-js" />
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { OfficeMockObject } from "office-addin-mock";
import { createCrmApi } from "../../addin/src/api/crm-api";
import { TaskPaneApp } from "../../addin/src/app/task-pane-app";
import { createOfficeMailbox } from "../../addin/src/office/office-mailbox";
import { LOG_WHEN_SENT_KEY, PENDING_INTENTS_SETTING } from "../../addin/src/office/log-on-send-storage";
import { API, createFakeCrm, server } from "./support/fake-crm";
import { useFakeServer } from "./support/render-pane";

useFakeServer();

const succeeded = <T,>(value: T) => ({ status: "succeeded", value });

/** A message being written in Outlook (office-addin-mock), with its session data and the roaming settings. */
function composing(to: string[], roaming: Record<string, unknown> = {}, sets = ["1.1", "1.8", "1.11", "1.12"]) {
  const session: Record<string, string> = {};
  const office = new OfficeMockObject({
    host: "outlook",
    CoercionType: { Html: "html", Text: "text" },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === "Mailbox" && sets.includes(version) },
      roamingSettings: {
        get: (name: string) => roaming[name],
        set: (name: string, value: unknown) => (roaming[name] = value),
        saveAsync: (done: (result: unknown) => void) => done(succeeded(undefined)),
      },
      mailbox: {
        userProfile: { emailAddress: "alice@contoso.com" },
        addHandlerAsync: () => undefined,
        removeHandlerAsync: () => undefined,
        item: {
          conversationId: "",
          subject: { getAsync: (done: (result: unknown) => void) => done(succeeded("Offer 4711")) },
          to: {
            getAsync: (done: (result: unknown) => void) =>
              done(succeeded(to.map((emailAddress) => ({ emailAddress, displayName: emailAddress })))),
          },
          cc: { getAsync: (done: (result: unknown) => void) => done(succeeded([])) },
          sessionData: {
            getAsync: (name: string, done: (result: unknown) => void) =>
              name in session ? done(succeeded(session[name])) : done({ status: "failed", error: { message: "none" } }),
            setAsync: (name: string, value: string, done: (result: unknown) => void) => {
              session[name] = value;
              done(succeeded(undefined));
            },
          },
        },
      },
    },
  }) as unknown as typeof Office;
  return { office, session, roaming };
}

function renderComposing(
  outlook: ReturnType<typeof composing>,
  prepare?: (crm: ReturnType<typeof createFakeCrm>) => void,
) {
  const crm = createFakeCrm();
  prepare?.(crm);
  server.resetHandlers(...crm.handlers);
  const intents: unknown[] = [];
  let intentsReachable = true;
  let attempts = 0;
  server.use(
    http.post(`${API}/api/log-intents`, async ({ request }) => {
      attempts++;
      if (!intentsReachable) return HttpResponse.error();
      intents.push(await request.json());
      return HttpResponse.json({}, { status: 201 });
    }),
  );
  const mailbox = createOfficeMailbox(outlook.office);
  render(<TaskPaneApp api={createCrmApi(API, async () => "test-token")} mailbox={mailbox} theme="light" />);
  return { crm, intents, attempts: () => attempts, unreachable: () => (intentsReachable = false) };
}

const choiceOf = (session: Record<string, string>) => JSON.parse(session[LOG_WHEN_SENT_KEY] ?? "null") as unknown;

describe("log when sent, in the compose pane", () => {
  it("defaults on for the recipients' customer, and the choice and the default reach Outlook for the send handler", async () => {
    const user = userEvent.setup();
    const outlook = composing(["jonas.keller@fabrikam.com"]);
    const { crm } = renderComposing(outlook);
    const toggle = await screen.findByRole("switch", { name: "Log when sent" });
    expect(toggle).toBeChecked();
    await waitFor(() =>
      expect(choiceOf(outlook.session)).toEqual({
        log: true,
        customerId: crm.customers.fabrikam.id,
        contactId: crm.contacts[0]!.id,
      }),
    );
    await user.click(toggle);
    expect(toggle).not.toBeChecked();
    await waitFor(() => expect(choiceOf(outlook.session)).toMatchObject({ log: false }));

    await user.click(screen.getByRole("checkbox", { name: "Log e-mails I send to known customers by default" }));
    expect(outlook.roaming["crm.logOnSend"]).toBe("off");
  });

  it("defaults off when the user turned logging sent e-mails off", async () => {
    const outlook = composing(["jonas.keller@fabrikam.com"], { "crm.logOnSend": "off" });
    renderComposing(outlook);
    expect(await screen.findByRole("switch", { name: "Log when sent" })).not.toBeChecked();
    await waitFor(() => expect(choiceOf(outlook.session)).toMatchObject({ log: false }));
  });

  it("offers no switch where this Outlook cannot run the send handler", async () => {
    const outlook = composing(["jonas.keller@fabrikam.com"], {}, ["1.1", "1.8"]);
    renderComposing(outlook);
    expect(await screen.findByRole("button", { name: "New activity" })).toBeInTheDocument();
    expect(screen.queryByRole("switch", { name: "Log when sent" })).not.toBeInTheDocument();
  });

  it("hands on the intents the send handler could not deliver, finding the match the handler could not ask for", async () => {
    const waiting = [
      {
        marker: "11111111-2222-4333-8444-555555555555",
        subject: "Sent offline",
        customerId: null,
        recipients: ["jonas.keller@fabrikam.com"],
        createdAt: "2026-12-18T09:00:00Z",
      },
      {
        marker: "66666666-7777-4888-8999-000000000000",
        conversationId: "AAQk1",
        subject: "Sent while the service was down",
        customerId: "00000000-0000-4000-8000-00000000abcd",
        contactId: null,
        recipients: ["someone@fabrikam.com"],
        createdAt: "2026-12-18T09:05:00Z",
      },
    ];
    const outlook = composing(["jonas.keller@fabrikam.com"], { [PENDING_INTENTS_SETTING]: waiting });
    const { crm, intents } = renderComposing(outlook);
    expect(await screen.findByText("2 sent e-mails were handed on for logging.")).toBeInTheDocument();
    expect(intents).toEqual([
      {
        marker: waiting[0]!.marker,
        conversationId: null,
        subject: "Sent offline",
        customerId: crm.customers.fabrikam.id,
        contactId: crm.contacts[0]!.id,
      },
      {
        marker: waiting[1]!.marker,
        conversationId: "AAQk1",
        subject: "Sent while the service was down",
        customerId: "00000000-0000-4000-8000-00000000abcd",
        contactId: null,
      },
    ]);
    expect(outlook.roaming[PENDING_INTENTS_SETTING]).toEqual([]);
  });

  it("keeps waiting intents while the service cannot be reached", async () => {
    const waiting = [
      {
        marker: "11111111-2222-4333-8444-555555555555",
        subject: "Sent offline",
        customerId: "00000000-0000-4000-8000-00000000abcd",
        recipients: ["jonas.keller@fabrikam.com"],
        createdAt: "2026-12-18T09:00:00Z",
      },
    ];
    const outlook = composing(["jonas.keller@fabrikam.com"], { [PENDING_INTENTS_SETTING]: waiting });
    const rendered = renderComposing(outlook);
    rendered.unreachable();
    await waitFor(() => expect(rendered.attempts()).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(outlook.roaming[PENDING_INTENTS_SETTING]).toEqual(waiting);
    expect(screen.queryByText(/handed on for logging/)).not.toBeInTheDocument();
  });

  it("shows the sent e-mails the service could not log, and why", async () => {
    const intent = (
      subject: string,
      state: "PENDING" | "LOGGED" | "EXPIRED" | "REJECTED",
      reason: string | null,
      attempts = 1,
    ) => ({
      id: `00000000-0000-4000-8000-${String(Math.floor(Math.random() * 1e12)).padStart(12, "0")}`,
      marker: "11111111-2222-4333-8444-555555555555",
      conversationId: null,
      subject,
      customerId: "00000000-0000-4000-8000-00000000abcd",
      contactId: null,
      state,
      reason,
      attempts,
      internetMessageId: null,
      emailLogEntryId: null,
      createdAt: "2026-12-18T09:00:00.000Z",
      expiresAt: "2026-12-20T09:00:00.000Z",
      finishedAt: null,
    });
    renderComposing(composing(["jonas.keller@fabrikam.com"]), (crm) =>
      crm.logIntents.push(
        intent("Logged fine", "LOGGED", null),
        intent("Just sent", "PENDING", "Waiting for the message to appear in Sent Items", 1),
        intent(
          "Offer 4711",
          "EXPIRED",
          "Not found in Sent Items by 2026-12-20T09:00:00.000Z: the message was not sent",
        ),
        intent("Order 12", "PENDING", "Outlook could not be reached; trying again", 5),
      ),
    );
    const list = await screen.findByRole("region", { name: "Sent e-mails not logged" });
    expect(list).toHaveTextContent("Offer 4711 not found: Not found in Sent Items by 2026-12-20T09:00:00.000Z");
    expect(list).toHaveTextContent("Order 12 waiting: Outlook could not be reached; trying again");
    expect(list).not.toHaveTextContent("Logged fine");
    expect(list).not.toHaveTextContent("Just sent");
  });
});
