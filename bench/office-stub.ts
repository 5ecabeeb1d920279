import type { SimulatedMessage } from "../addin/src/office/simulated-mailbox";

/** Where taskpane.html loads office.js from; this machine cannot reach it, the bench answers for it. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * A stand-in for office.js as Outlook on the web gives it to a pinned read-mode pane on one message:
 * only what the pane reads at start (Office.onReady, context.mailbox.item and userProfile with its
 * time zone, requirements, addHandlerAsync). Its last line marks "office-ready": from there on the pane's own
 * JavaScript, sign-in and API calls are what the user waits for, which is what the bench times.
 * A string of JavaScript (not a function): it runs in the page, which has none of tsx's helpers.
 */
export function officeStubScript(userEmail: string, message: SimulatedMessage): string {
  const details = (address: { email: string; name: string | null } | null) =>
    address && { emailAddress: address.email, displayName: address.name ?? address.email };
  const item = {
    itemType: "message",
    itemId: message.itemId,
    internetMessageId: message.internetMessageId,
    conversationId: message.conversationId,
    subject: message.subject,
    from: details(message.from),
    sender: details(message.sender),
    to: message.to.map(details),
    cc: message.cc.map(details),
    dateTimeCreated: message.sentAt,
    attachments: [],
  };
  return `(() => {
  const done = (callback, value) => typeof callback === "function" && callback({ status: "succeeded", value });
  const last = (args) => [...args].reverse().find((arg) => typeof arg === "function");
  const item = ${JSON.stringify(item)};
  item.body = { getAsync: function () { done(last(arguments), ""); } };
  window.Office = {
    onReady: () => Promise.resolve({ host: "Outlook", platform: "OfficeOnline" }),
    EventType: { ItemChanged: "olkItemSelectedChanged", SelectedItemsChanged: "olkSelectedItemsChanged", OfficeThemeChanged: "officeThemeChanged" },
    CoercionType: { Html: "html", Text: "text" },
    context: {
      displayLanguage: "en-US",
      requirements: { isSetSupported: (name, version) => name === "Mailbox" && Number(version ?? "1.1") <= 1.5 },
      roamingSettings: { get: () => undefined, set: () => undefined, remove: () => undefined, saveAsync: function () { done(last(arguments)); } },
      mailbox: {
        item,
        // Outlook always says the user's time zone, in Windows format (Office.UserProfile.timeZone,
        // Mailbox 1.1): the pane turns it into an IANA zone with a table it loads on demand.
        userProfile: { emailAddress: ${JSON.stringify(userEmail)}, displayName: ${JSON.stringify(userEmail)}, timeZone: "W. Europe Standard Time" },
        diagnostics: { hostName: "OutlookWebApp" },
        // addHandlerAsync(eventType, handler, options?, callback?): only a callback after the handler
        // is called back; calling the handler itself would be an ItemChanged Outlook never fires.
        addHandlerAsync: function () { done(last([...arguments].slice(2))); },
        removeHandlerAsync: function () { done(last(arguments)); },
      },
    },
  };
  performance.mark("office-ready");
})();`;
}
