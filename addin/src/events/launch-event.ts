/// <reference types="office-js" />

/**
 * The event-based handlers the manifest names (LaunchEvent, OnMessageSend → "onMessageSendHandler").
 * One bundle, `launchevent.js` (webpack entry "launchevent", a stable file name because the manifest
 * links it): classic Outlook on Windows runs it alone in a JavaScript-only runtime (no DOM, no
 * localStorage), the other Outlooks in commands.html. Keep it free of the pane's code and of the DOM.
 *
 * The handler must never stop a message: whatever happens, it completes with allowEvent: true.
 * This is the stub that outlook-manifest declares; the log-on-send work fills `markForLogging`.
 */

/** What Outlook passes to an OnMessageSend handler (Office.AddinCommands.Event, Mailbox 1.12). */
export interface SendEvent {
  completed(options?: { allowEvent?: boolean; errorMessage?: string }): void;
}

/** Hook for the log-on-send work; the stub does nothing. Bounded and failure-proof by contract. */
export type MarkForLogging = (event: SendEvent) => Promise<void>;

export function createOnMessageSendHandler(markForLogging: MarkForLogging = async () => {}) {
  return async function onMessageSendHandler(event: SendEvent): Promise<void> {
    try {
      await markForLogging(event);
    } catch {
      // Nothing here may hold the message back: a failure is the log-on-send code's to record.
    } finally {
      event.completed({ allowEvent: true });
    }
  };
}

export const onMessageSendHandler = createOnMessageSendHandler();

/** Registers the handlers with Outlook; without office.js (a test, a browser) it does nothing. */
export function associateHandlers(office: typeof Office | undefined): boolean {
  if (typeof office?.actions?.associate !== "function") return false;
  office.actions.associate("onMessageSendHandler", onMessageSendHandler);
  return true;
}

associateHandlers((globalThis as { Office?: typeof Office }).Office);
