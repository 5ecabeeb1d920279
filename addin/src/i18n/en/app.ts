/** The app shell (addin/src/app/) and the capability notice (features/capabilities). */
export const app = {
  title: "CRM",
  signingIn: "Signing in…",
  views: "Views",
  viewEmail: "This email",
  viewSearch: "Search customers",
  viewReports: "Reports",
  loadingReports: "Loading reports…",
  capabilities: {
    label: "What this Outlook cannot do",
    one: "This Outlook cannot {{feature}} (needs a newer Outlook).",
    several: "This Outlook cannot:",
    severalEnd: "These need a newer Outlook.",
    dismiss: "Dismiss",
    attachments: "keep attachments with a logged email",
    logOnSend: "log an email when it is sent",
    sharedFolders: "open the CRM in shared mailboxes or a delegate's folders",
    sharedMailbox: "open the CRM in shared mailboxes",
  },
};
