/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";
import { associateHandlers } from "../../addin/src/events/launch-event";

// The event runtime's entry: it registers the OnMessageSend handler under the name both manifests
// use (manifest.xml LaunchEvent FunctionName, manifest.json autoRunEvents actionId), and the handler
// it registers lets the message go even in an Outlook that gives it nothing to work with.
describe("the event runtime's entry (launchevent.js)", () => {
  it("registers onMessageSendHandler with Outlook, and does nothing without office.js", () => {
    const associate = jest.fn();
    const office = new OfficeMockObject({ host: "outlook", actions: { associate } }) as unknown as typeof Office;
    expect(associateHandlers(office)).toBe(true);
    expect(associate.mock.calls.map(([name]) => name)).toEqual(["onMessageSendHandler"]);
    expect(associateHandlers(undefined)).toBe(false);
    expect(associateHandlers({} as typeof Office)).toBe(false);
  });

  it("registers a handler that lets the message go when there is no item to mark", async () => {
    const associate = jest.fn();
    const office = new OfficeMockObject({
      host: "outlook",
      actions: { associate },
      context: { mailbox: { userProfile: { emailAddress: "alice@contoso.com" } } },
    }) as unknown as typeof Office;
    associateHandlers(office);
    const handler = associate.mock.calls[0]![1] as (event: unknown) => Promise<void>;
    const completed = jest.fn();
    await handler({ completed });
    expect(completed).toHaveBeenCalledWith({ allowEvent: true });
  });
});

describe("the handler launchevent.js registers, as Outlook runs it (no report, no test hooks)", () => {
  const succeeded = <T>(value: T) => ({ status: "succeeded", value });
  afterEach(() => jest.restoreAllMocks());

  it("marks a message the pane chose to log, and lets it go while the service is away", async () => {
    // The service cannot be reached: the intent waits in the roaming settings, the header is set anyway.
    jest.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("fetch failed"));
    const headers: Record<string, string> = {};
    const roaming: Record<string, unknown> = {};
    const choice = { log: true, customerId: "00000000-0000-4000-8000-000000000001", contactId: null };
    const associate = jest.fn();
    const office = new OfficeMockObject({
      host: "outlook",
      actions: { associate },
      context: {
        requirements: { isSetSupported: (name: string) => name === "Mailbox" },
        roamingSettings: {
          get: (name: string) => roaming[name],
          set: (name: string, value: unknown) => (roaming[name] = value),
          saveAsync: (done: (result: unknown) => void) => done(succeeded(undefined)),
        },
        mailbox: {
          userProfile: { emailAddress: "alice@contoso.com" },
          item: {
            conversationId: "AAQkConversation",
            subject: { getAsync: (done: (result: unknown) => void) => done(succeeded("Offer 4711")) },
            to: {
              getAsync: (done: (result: unknown) => void) =>
                done(succeeded([{ emailAddress: "jonas.keller@fabrikam.com", displayName: "Jonas" }])),
            },
            cc: { getAsync: (done: (result: unknown) => void) => done(succeeded([])) },
            internetHeaders: {
              setAsync: (values: Record<string, string>, done: (result: unknown) => void) => {
                Object.assign(headers, values);
                done(succeeded(undefined));
              },
            },
            sessionData: {
              getAsync: (_name: string, done: (result: unknown) => void) => done(succeeded(JSON.stringify(choice))),
            },
          },
        },
      },
    }) as unknown as typeof Office;
    associateHandlers(office);
    const handler = associate.mock.calls[0]![1] as (event: unknown) => Promise<void>;
    const completed = jest.fn();
    await handler({ completed });
    expect(completed).toHaveBeenCalledWith({ allowEvent: true });
    expect(Object.keys(headers)).toEqual(["x-crm-log"]);
    expect(roaming["crm.pendingLogIntents"]).toEqual([
      expect.objectContaining({ marker: headers["x-crm-log"], customerId: choice.customerId, subject: "Offer 4711" }),
    ]);
  });
});
