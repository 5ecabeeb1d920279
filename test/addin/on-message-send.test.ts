/// <reference types="office-js" />
import { http, HttpResponse, delay } from "msw";
import { setupServer } from "msw/node";
import { OfficeMockObject } from "office-addin-mock";
import { LOG_MARKER_HEADER, LogMarker } from "contract";
import { type OnSendOutcome, createOnMessageSendHandler } from "../../addin/src/events/on-message-send";
import { createOnSendApi } from "../../addin/src/events/on-send-api";
import { LOG_WHEN_SENT_KEY, PENDING_INTENTS_SETTING, pendingIntents } from "../../addin/src/office/log-on-send-storage";

// The OnMessageSend handler against Outlook's host mocked with office-addin-mock and the service
// faked at the HTTP level (msw): what it stamps on the message, what it tells the service, what it
// keeps when the service is away, and that the message always goes out.
const API = "http://crm.test";
const CUSTOMER = "00000000-0000-4000-8000-000000000001";
const OTHER_CUSTOMER = "00000000-0000-4000-8000-000000000002";
const CONTACT = "00000000-0000-4000-8000-000000000011";
const MARKER = "6f9619ff-8b86-4011-b42d-00c04fc964ff";

const succeeded = <T>(value: T) => ({ status: "succeeded", value });
const customerRef = (id: string) => ({ id, accountNumber: "A1", name: "Fabrikam", status: 1 });

let service: "up" | "down" | "slow" | "refusing" = "up";
const posted: unknown[] = [];
const lookups: string[][] = [];
const server = setupServer(
  http.get(`${API}/api/lookup`, async ({ request }) => {
    const emails = new URL(request.url).searchParams.getAll("email");
    lookups.push(emails);
    if (service === "down") return HttpResponse.error();
    if (service === "slow") await delay(5_000);
    return HttpResponse.json({
      matches: emails.map((email) => {
        const fabrikam = email.endsWith("@fabrikam.com");
        const other = email.endsWith("@northwind.com");
        return {
          email,
          contacts: fabrikam
            ? [
                {
                  id: CONTACT,
                  firstName: "Jonas",
                  lastName: "Keller",
                  role: null,
                  customer: customerRef(CUSTOMER),
                  withdrawnConsent: [],
                },
              ]
            : [],
          customer: fabrikam ? customerRef(CUSTOMER) : other ? customerRef(OTHER_CUSTOMER) : null,
          domainCustomers: other ? [customerRef(OTHER_CUSTOMER)] : [],
          matchedBy: fabrikam ? "contact" : other ? "domain" : "none",
        };
      }),
    });
  }),
  http.post(`${API}/api/log-intents`, async ({ request }) => {
    if (request.headers.get("authorization") !== "Bearer token-alice") return new HttpResponse(null, { status: 401 });
    if (service === "down") return HttpResponse.error();
    if (service === "refusing") return HttpResponse.json({ error: { code: "not_found" } }, { status: 404 });
    posted.push(await request.json());
    return HttpResponse.json({}, { status: 201 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  service = "up";
  posted.length = 0;
  lookups.length = 0;
});

interface Compose {
  to?: string[];
  cc?: string[];
  /** What the pane chose for this message (item.sessionData). */
  choice?: unknown;
  roaming?: Record<string, unknown>;
  sets?: string[];
  headerFails?: boolean;
}

function outlook(compose: Compose) {
  const headers: Record<string, string> = {};
  const roaming: Record<string, unknown> = { ...compose.roaming };
  let saves = 0;
  const recipients = (emails: string[] = []) => ({
    getAsync: (done: (result: unknown) => void) =>
      done(succeeded(emails.map((emailAddress) => ({ emailAddress, displayName: emailAddress })))),
  });
  const sets = new Set(compose.sets ?? ["1.1", "1.8", "1.11", "1.12"]);
  const office = new OfficeMockObject({
    host: "outlook",
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === "Mailbox" && sets.has(version) },
      roamingSettings: {
        get: (name: string) => roaming[name],
        set: (name: string, value: unknown) => (roaming[name] = value),
        saveAsync: (done: (result: unknown) => void) => (saves++, done(succeeded(undefined))),
      },
      mailbox: {
        userProfile: { emailAddress: "alice@contoso.com" },
        item: {
          conversationId: "AAQkConversation",
          subject: { getAsync: (done: (result: unknown) => void) => done(succeeded("Offer 4711")) },
          to: recipients(compose.to),
          cc: recipients(compose.cc),
          internetHeaders: {
            setAsync: (values: Record<string, string>, done: (result: unknown) => void) => {
              if (compose.headerFails) return done({ status: "failed", error: { message: "quota exhausted" } });
              Object.assign(headers, values);
              done(succeeded(undefined));
            },
          },
          sessionData: {
            getAsync: (name: string, done: (result: unknown) => void) =>
              name === LOG_WHEN_SENT_KEY && compose.choice !== undefined
                ? done(succeeded(JSON.stringify(compose.choice)))
                : done({ status: "failed", error: { message: "not found" } }),
          },
        },
      },
    },
  }) as unknown as typeof Office;
  return { office, headers, roaming, saves: () => saves };
}

async function send(compose: Compose, timeoutMs = 200, marker: (() => string) | null = () => MARKER) {
  const host = outlook(compose);
  const outcomes: OnSendOutcome[] = [];
  const handler = createOnMessageSendHandler(
    {
      office: host.office,
      api: createOnSendApi(API, async () => "token-alice"),
      timeoutMs,
      // null: the handler's own random markers.
      newMarker: marker ?? undefined,
      now: () => new Date("2026-12-18T09:00:00Z"),
    },
    (outcome) => outcomes.push(outcome),
  );
  const completions: unknown[] = [];
  const started = Date.now();
  await handler({ completed: (options: unknown) => completions.push(options) } as unknown as Office.MailboxEvent);
  return { ...host, completions, outcome: outcomes[0], tookMs: Date.now() - started };
}

describe("the OnMessageSend handler", () => {
  it("stamps a message to a known customer's contact with the marker header and tells the service what to log", async () => {
    const sent = await send({ to: ["jonas.keller@fabrikam.com"], cc: ["Colleague@Contoso.com"] });
    expect(sent.completions).toEqual([{ allowEvent: true }]);
    expect(sent.outcome).toBe("posted");
    expect(sent.headers).toEqual({ [LOG_MARKER_HEADER]: MARKER });
    expect(lookups).toEqual([["jonas.keller@fabrikam.com", "colleague@contoso.com"]]);
    expect(posted).toEqual([
      {
        marker: MARKER,
        conversationId: "AAQkConversation",
        subject: "Offer 4711",
        customerId: CUSTOMER,
        contactId: CONTACT,
      },
    ]);
    expect(pendingIntents(sent.office)).toEqual([]);
  });

  it("lets the message go and keeps the intent in the roaming settings when the service cannot be reached", async () => {
    service = "down";
    const sent = await send({ to: ["jonas.keller@fabrikam.com"] });
    expect(sent.completions).toEqual([{ allowEvent: true }]);
    expect(sent.outcome).toBe("kept");
    // Marked anyway: the pane finds the match later, and the service then finds the message by it.
    expect(sent.headers[LOG_MARKER_HEADER]).toBe(MARKER);
    expect(sent.roaming[PENDING_INTENTS_SETTING]).toEqual([
      {
        marker: MARKER,
        conversationId: "AAQkConversation",
        subject: "Offer 4711",
        customerId: null,
        contactId: null,
        recipients: ["jonas.keller@fabrikam.com"],
        createdAt: "2026-12-18T09:00:00.000Z",
      },
    ]);
    expect(sent.saves()).toBe(1);
  });

  it("gives a slow service only its short timeout: the message goes out at once", async () => {
    service = "slow";
    const sent = await send({ to: ["jonas.keller@fabrikam.com"] }, 100);
    expect(sent.completions).toEqual([{ allowEvent: true }]);
    expect(sent.outcome).toBe("kept");
    expect(sent.tookMs).toBeLessThan(2_000);
  });

  it("keeps an intent whose match is known when only posting it fails, and drops one the service refuses for good", async () => {
    const chosen = await send({ to: ["jonas.keller@fabrikam.com"], choice: { log: true, customerId: CUSTOMER } });
    expect(chosen.outcome).toBe("posted");
    expect(lookups).toEqual([]); // the pane's choice says where: no lookup
    service = "down";
    const kept = await send({
      to: ["jonas.keller@fabrikam.com"],
      choice: { log: true, customerId: CUSTOMER, contactId: CONTACT },
    });
    expect(kept.outcome).toBe("kept");
    expect(pendingIntents(kept.office)[0]).toMatchObject({ customerId: CUSTOMER, contactId: CONTACT });
    service = "refusing";
    const refused = await send({ to: ["jonas.keller@fabrikam.com"] });
    expect(refused.completions).toEqual([{ allowEvent: true }]);
    expect(refused.outcome).toBe("failed");
    expect(pendingIntents(refused.office)).toEqual([]);
  });

  it("does not mark a message the pane switched off, nor one whose recipients are no one's or two customers'", async () => {
    for (const compose of [
      { to: ["jonas.keller@fabrikam.com"], choice: { log: false } },
      { to: ["someone@gmail.com"] },
      { to: ["jonas.keller@fabrikam.com", "buyer@northwind.com"] },
      { to: [] },
    ]) {
      const sent = await send(compose);
      expect(sent.completions).toEqual([{ allowEvent: true }]);
      expect(sent.outcome).toBe("not-logged");
      expect(sent.headers).toEqual({});
    }
    expect(posted).toEqual([]);
  });

  it("follows the user's setting when the pane made no choice, and the pane's choice over the setting", async () => {
    const off = await send({ to: ["jonas.keller@fabrikam.com"], roaming: { "crm.logOnSend": "off" } });
    expect(off.outcome).toBe("not-logged");
    expect(lookups).toEqual([]);
    const chosen = await send({
      to: ["jonas.keller@fabrikam.com"],
      roaming: { "crm.logOnSend": "off" },
      choice: { log: true, customerId: CUSTOMER, contactId: null },
    });
    expect(chosen.outcome).toBe("posted");
    expect(posted).toEqual([expect.objectContaining({ customerId: CUSTOMER, contactId: null })]);
  });

  it("lets the message go unmarked where Outlook cannot set internet headers, or setting one fails", async () => {
    const old = await send({ to: ["jonas.keller@fabrikam.com"], sets: ["1.1", "1.5"] });
    expect(old.completions).toEqual([{ allowEvent: true }]);
    expect(old.outcome).toBe("unsupported");
    const failing = await send({ to: ["jonas.keller@fabrikam.com"], headerFails: true });
    expect(failing.completions).toEqual([{ allowEvent: true }]);
    expect(failing.outcome).toBe("failed");
    expect(posted).toEqual([]);
    expect(pendingIntents(failing.office)).toEqual([]);
  });

  it("makes a fresh marker per message that the service accepts", async () => {
    const first = await send({ to: ["jonas.keller@fabrikam.com"] }, 200, null);
    const second = await send({ to: ["jonas.keller@fabrikam.com"] }, 200, null);
    const markers = [first.headers[LOG_MARKER_HEADER], second.headers[LOG_MARKER_HEADER]];
    for (const marker of markers) expect(LogMarker.safeParse(marker).success).toBe(true);
    expect(markers[0]).not.toBe(markers[1]);
    expect(posted.map((intent) => (intent as { marker: string }).marker)).toEqual(markers);
  });
});
