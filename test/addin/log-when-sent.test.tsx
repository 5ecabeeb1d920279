/// <reference types="office-js" />
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OfficeMockObject } from "office-addin-mock";
import { createCrmApi } from "../../addin/src/api/crm-api";
import { TaskPaneApp } from "../../addin/src/app/task-pane-app";
import { createOfficeMailbox } from "../../addin/src/office/office-mailbox";
import { LOG_WHEN_SENT_KEY, PENDING_INTENTS_SETTING } from "../../addin/src/office/log-on-send-storage";
import { HttpResponse, http } from "msw";
import { apiUrl, instead, server, useCrm } from "./support/render-pane";

// The compose pane on the real service (useCrm): the recipients' match is the service's, and the
// intents the pane hands on are the service's to keep, read back through GET /api/log-intents.
const crm = useCrm();

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

function renderComposing(outlook: ReturnType<typeof composing>) {
  const mailbox = createOfficeMailbox(outlook.office);
  render(<TaskPaneApp api={createCrmApi(location.origin, () => crm.paneToken())} mailbox={mailbox} theme="light" />);
}

/** The intents the service holds for the pane's user, by subject. */
const storedIntents = async () =>
  ((await crm.read("/api/log-intents")).items as { subject: string }[]).sort((a, b) =>
    a.subject.localeCompare(b.subject),
  );

const choiceOf = (session: Record<string, string>) => JSON.parse(session[LOG_WHEN_SENT_KEY] ?? "null") as unknown;

describe("log when sent, in the compose pane", () => {
  it("defaults on for the recipients' customer, and the choice and the default reach Outlook for the send handler", async () => {
    const user = userEvent.setup();
    const outlook = composing(["jonas.keller@fabrikam.com"]);
    renderComposing(outlook);
    const toggle = await screen.findByRole("switch", { name: "Log when sent" });
    expect(toggle).toBeChecked();
    await waitFor(() =>
      expect(choiceOf(outlook.session)).toEqual({
        log: true,
        customerId: crm.customers.fabrikam.id,
        contactId: crm.contacts.jonas.id,
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
        customerId: crm.customers.tailspin.id,
        contactId: null,
        recipients: ["someone@tailspintoys.com"],
        createdAt: "2026-12-18T09:05:00Z",
      },
      {
        // Its customer was deleted meanwhile: the service refuses it for good, so it is not kept.
        marker: "77777777-7777-4888-8999-000000000000",
        subject: "Sent to a customer since deleted",
        customerId: "00000000-0000-4000-8000-00000000abcd",
        contactId: null,
        recipients: ["someone@fabrikam.com"],
        createdAt: "2026-12-18T09:06:00Z",
      },
    ];
    const outlook = composing(["jonas.keller@fabrikam.com"], { [PENDING_INTENTS_SETTING]: waiting });
    renderComposing(outlook);
    expect(await screen.findByText("3 sent e-mails were handed on for logging.")).toBeInTheDocument();
    expect(await storedIntents()).toEqual([
      expect.objectContaining({
        marker: waiting[0]!.marker,
        conversationId: null,
        subject: "Sent offline",
        customerId: crm.customers.fabrikam.id,
        contactId: crm.contacts.jonas.id,
        state: "PENDING",
      }),
      expect.objectContaining({
        marker: waiting[1]!.marker,
        conversationId: "AAQk1",
        subject: "Sent while the service was down",
        customerId: crm.customers.tailspin.id,
        contactId: null,
        state: "PENDING",
      }),
    ]);
    expect(outlook.roaming[PENDING_INTENTS_SETTING]).toEqual([]);
  });

  it("keeps waiting intents while the service cannot be reached", async () => {
    const waiting = [
      {
        marker: "11111111-2222-4333-8444-555555555555",
        subject: "Sent offline",
        customerId: crm.customers.fabrikam.id,
        recipients: ["jonas.keller@fabrikam.com"],
        createdAt: "2026-12-18T09:00:00Z",
      },
    ];
    let attempts = 0;
    server.use(
      http.post(
        apiUrl("/api/log-intents"),
        instead(() => {
          attempts++;
          return HttpResponse.error();
        }),
      ),
    );
    const outlook = composing(["jonas.keller@fabrikam.com"], { [PENDING_INTENTS_SETTING]: waiting });
    renderComposing(outlook);
    await waitFor(() => expect(attempts).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(outlook.roaming[PENDING_INTENTS_SETTING]).toEqual(waiting);
    expect(screen.queryByText(/handed on for logging/)).not.toBeInTheDocument();
    expect(await storedIntents()).toEqual([]);
  });

  it("shows the sent e-mails the service could not log, and why", async () => {
    const alice = await crm.as(crm.me);
    const intent = async (subject: string, marker: string) => {
      const answer = await alice.post("/api/log-intents", { marker, subject, customerId: crm.customers.fabrikam.id });
      expect([subject, answer.status]).toEqual([subject, 201]);
      return (answer.body as { intent: { id: string } }).intent.id;
    };
    const logged = await intent("Logged fine", "aaaaaaaa-0000-4000-8000-000000000001");
    await intent("Just sent", "aaaaaaaa-0000-4000-8000-000000000002");
    const expired = await intent("Offer 4711", "aaaaaaaa-0000-4000-8000-000000000003");
    const retried = await intent("Order 12", "aaaaaaaa-0000-4000-8000-000000000004");
    // What the worker leaves after rounds against Outlook (found; never found by expiry; Graph away
    // five times): the outcome of time passing, which the API cannot make happen, written as it writes it.
    await crm.service.sql(`UPDATE "LogIntent" SET state = 'LOGGED', reason = NULL WHERE id = $1`, [logged]);
    await crm.service.sql(`UPDATE "LogIntent" SET state = 'EXPIRED', reason = $2, "finishedAt" = now() WHERE id = $1`, [
      expired,
      "Not found in Sent Items by 2026-12-20T09:00:00.000Z: the message was not sent",
    ]);
    await crm.service.sql(`UPDATE "LogIntent" SET attempts = 5, reason = $2 WHERE id = $1`, [
      retried,
      "Outlook could not be reached; trying again",
    ]);
    renderComposing(composing(["jonas.keller@fabrikam.com"]));
    const list = await screen.findByRole("region", { name: "Sent e-mails not logged" });
    expect(list).toHaveTextContent("Offer 4711 not found: Not found in Sent Items by 2026-12-20T09:00:00.000Z");
    expect(list).toHaveTextContent("Order 12 waiting: Outlook could not be reached; trying again");
    expect(list).not.toHaveTextContent("Logged fine");
    expect(list).not.toHaveTextContent("Just sent");
  });
});
