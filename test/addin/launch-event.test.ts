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
