/// <reference types="office-js" />

/**
 * What this Outlook can do beyond the manifest's minimum (Mailbox 1.1 for the add-in, 1.5 for its
 * commands, see manifest.xml). Every API newer than that is used only when its requirement set is
 * reported here, through Office.context.requirements.isSetSupported, as Microsoft advises: "Setting
 * a requirement set doesn't limit the available APIs ... To use newer APIs, check whether the
 * application supports the requirement set" (Outlook JavaScript API requirement sets, "Using APIs
 * from later requirement sets": https://learn.microsoft.com/javascript/api/requirement-sets/outlook/outlook-api-requirement-sets).
 * Free of the DOM and the pane's code: the event runtime (events/launch-event.ts) may use it too.
 */
export type Capability =
  | "attachments"
  | "internetHeaders"
  | "logOnSend"
  | "sharedFolders"
  | "sharedMailbox"
  | "multiSelect"
  | "nestedAppAuth"
  | "dialog"
  | "themeChanged";

type IsSetSupported = (name: string, minVersion: string) => boolean;

/** Which requirement sets each capability needs, with Microsoft's page that says so. */
const NEEDS: Record<Capability, (supported: IsSetSupported) => boolean> = {
  // item.getAttachmentContentAsync (read and compose) and item.getAttachmentsAsync (compose):
  // Mailbox 1.8 ("Added Office.context.mailbox.item.getAttachmentContentAsync", requirement set 1.8
  // change log, https://learn.microsoft.com/javascript/api/requirement-sets/outlook/requirement-set-1.8/outlook-requirement-set-1.8;
  // Office.AttachmentContent is "[Api set: Mailbox 1.8]").
  attachments: (supported) => supported("Mailbox", "1.8"),
  // item.internetHeaders (compose: custom headers) and getAllInternetHeadersAsync (read): Mailbox 1.8
  // ("Added InternetHeaders ... Compose mode only", same change log).
  internetHeaders: (supported) => supported("Mailbox", "1.8"),
  // OnMessageSend with Smart Alerts: Mailbox 1.12 ("The OnMessageSend and OnAppointmentSend events
  // were introduced in requirement set 1.12", https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events).
  // The handler marks the message with an internet header (1.8), which 1.12 includes.
  logOnSend: (supported) => supported("Mailbox", "1.12"),
  // item.getSharedPropertiesAsync: "Mailbox 1.8 for shared folder support, Mailbox 1.13 for shared
  // mailbox support" (Office.SharedProperties, https://learn.microsoft.com/javascript/api/outlook/office.sharedproperties).
  sharedFolders: (supported) => supported("Mailbox", "1.8"),
  sharedMailbox: (supported) => supported("Mailbox", "1.13"),
  // mailbox.getSelectedItemsAsync and the SelectedItemsChanged event: "Support for the item
  // multi-select feature was introduced in requirement set 1.13"
  // (https://learn.microsoft.com/office/dev/add-ins/outlook/item-multi-select; Office.SelectedItemDetails
  // is "[ API set: Mailbox 1.13 ]", https://learn.microsoft.com/javascript/api/outlook/office.selecteditemdetails).
  multiSelect: (supported) => supported("Mailbox", "1.13"),
  // "To require the NestedAppAuth requirement set 1.1 in Outlook add-in code, check if it's
  // supported by calling isSetSupported('NestedAppAuth', '1.1')"; not supported for Outlook.com or
  // Gmail mailboxes (https://learn.microsoft.com/javascript/api/requirement-sets/common/nested-app-auth-requirement-sets).
  nestedAppAuth: (supported) => supported("NestedAppAuth", "1.1"),
  // Office.context.ui.displayDialogAsync and messageParent: DialogApi 1.1; "In Outlook, dialog
  // features and their APIs were introduced in the following Mailbox requirement sets":
  // displayDialogAsync and messageParent 1.4 (https://learn.microsoft.com/javascript/api/requirement-sets/common/dialog-api-requirement-sets).
  // DialogApi 1.2 only adds messageChild (pane to dialog), which the sign-in dialog does not use.
  dialog: (supported) => supported("DialogApi", "1.1") || supported("Mailbox", "1.4"),
  // The OfficeThemeChanged event: "[ API set: Mailbox 1.14 ]" (Office.OfficeThemeChangedEventArgs,
  // https://learn.microsoft.com/javascript/api/outlook/office.officethemechangedeventargs). Without
  // it the pane keeps the theme it started with; nobody needs telling.
  themeChanged: (supported) => supported("Mailbox", "1.14"),
};

export const CAPABILITIES = Object.keys(NEEDS) as Capability[];

export interface HostCapabilities {
  has(capability: Capability): boolean;
  /**
   * Outlook on iOS or Android: "Outlook on Android and on iOS support up to Mailbox requirement set
   * 1.5" (https://learn.microsoft.com/office/dev/add-ins/outlook/outlook-mobile-apis), so what is
   * missing there comes with no newer version; and its task pane takes the whole screen for one
   * message, with no pinning ("Close task panes", https://learn.microsoft.com/office/dev/add-ins/outlook/add-mobile-support).
   */
  readonly mobile: boolean;
}

/**
 * The mobile clients by name: Office.context.mailbox.diagnostics.hostName (Mailbox 1.1) is one of
 * "Outlook, newOutlookWindows, OutlookWebApp, OutlookIOS, or OutlookAndroid"
 * (https://learn.microsoft.com/javascript/api/outlook/office.diagnostics).
 */
const MOBILE_HOSTS = new Set(["OutlookIOS", "OutlookAndroid"]);

function isMobile(office: typeof Office | null | undefined): boolean {
  try {
    return MOBILE_HOSTS.has(String(office?.context?.mailbox?.diagnostics?.hostName ?? ""));
  } catch {
    return false;
  }
}

/**
 * The capabilities of the Outlook that hosts the pane, asked once each. An Outlook without
 * Office.context.requirements (or one whose isSetSupported throws) is treated as having none of
 * them: the pane then works at the manifest's minimum instead of calling an API that may be missing.
 */
export function hostCapabilities(office: typeof Office | null | undefined): HostCapabilities {
  const supported: IsSetSupported = (name, minVersion) => {
    try {
      return office?.context?.requirements?.isSetSupported?.(name, minVersion) === true;
    } catch {
      return false;
    }
  };
  const known = new Map<Capability, boolean>();
  return {
    mobile: isMobile(office),
    has(capability) {
      let value = known.get(capability);
      if (value === undefined) known.set(capability, (value = NEEDS[capability](supported)));
      return value;
    },
  };
}

/** A host that can do everything (the demo host's simulated mailbox), or everything but `missing`. */
export function capabilitiesExcept(...missing: Capability[]): HostCapabilities {
  return { mobile: false, has: (capability) => !missing.includes(capability) };
}

/** What a user would notice missing; the capability notice says each in the pane's language (app catalog). */
export type MissingFeature =
  "attachments" | "logOnSend" | "sharedFolders" | "sharedMailbox" | "sharedMailboxAndMultiSelect" | "multiSelect";

/**
 * What the user would notice missing, one entry each; empty when nothing is.
 * Sign-in is left out: without nested app authentication the pane signs in through the dialog,
 * and an Outlook below Mailbox 1.4 (no dialog either) cannot open the pane's commands (1.5) at all.
 */
export function missingFeatures(capabilities: HostCapabilities): MissingFeature[] {
  const missing: MissingFeature[] = [];
  if (!capabilities.has("attachments")) missing.push("attachments");
  if (!capabilities.has("logOnSend")) missing.push("logOnSend");
  // Without them Outlook does not open the add-in in such a folder at all (SupportsSharedFolders,
  // which exists only under DesktopFormFactor: never on mobile).
  if (!capabilities.has("sharedFolders")) missing.push("sharedFolders");
  // Shared mailboxes and multi-select came with the same requirement set (1.13): one line says both.
  else if (!capabilities.has("sharedMailbox"))
    missing.push(capabilities.has("multiSelect") ? "sharedMailbox" : "sharedMailboxAndMultiSelect");
  if (!capabilities.has("multiSelect") && (capabilities.has("sharedMailbox") || !capabilities.has("sharedFolders")))
    missing.push("multiSelect");
  return missing;
}
