/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";
import {
  associateHandlers,
  createOnMessageSendHandler,
  onMessageSendHandler,
} from "../../addin/src/events/launch-event";

// The OnMessageSend handler the manifest names: whatever happens, the message goes (allowEvent: true).
describe("the OnMessageSend handler", () => {
  const sendEvent = () => ({ completed: jest.fn() });

  it("lets the message go", async () => {
    const event = sendEvent();
    await onMessageSendHandler(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it("lets the message go when marking it for logging fails", async () => {
    const event = sendEvent();
    await createOnMessageSendHandler(() => Promise.reject(new Error("service unreachable")))(event);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it("is registered with Outlook under the name the manifests use", () => {
    const associate = jest.fn();
    const office = new OfficeMockObject({ host: "outlook", actions: { associate } }) as unknown as typeof Office;
    expect(associateHandlers(office)).toBe(true);
    expect(associate).toHaveBeenCalledWith("onMessageSendHandler", onMessageSendHandler);
    expect(associateHandlers(undefined)).toBe(false);
  });
});
