/// <reference types="office-js" />
import { hostCapabilities } from "./host-capabilities";
import { MailboxError } from "./mail-item.types";

/**
 * Opens a page in Office's dialog and resolves with the token it posts back (see auth/auth-dialog.ts).
 * An Outlook without the dialog API (DialogApi 1.1 / Mailbox 1.4, host-capabilities.ts) is told so
 * in words instead of a TypeError from a missing displayDialogAsync.
 */
export function signInWithDialog(office: typeof Office, url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!hostCapabilities(office).has("dialog") || typeof office.context?.ui?.displayDialogAsync !== "function")
      return reject(
        new MailboxError("not-available", "This Outlook cannot open the sign-in window (needs a newer Outlook)"),
      );
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      if (opened.error) return reject(new MailboxError("host-error", opened.error.message));
      const dialog = opened.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (event) => {
        dialog.close();
        const message = JSON.parse("message" in event ? event.message : "{}") as { token?: string; error?: string };
        if (message.token) resolve(message.token);
        else reject(new MailboxError("host-error", message.error ?? "Sign-in was cancelled"));
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, () =>
        reject(new MailboxError("host-error", "The sign-in window was closed")),
      );
    });
  });
}
