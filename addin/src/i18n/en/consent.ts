/** Marketing consent (features/consent): per contact and channel, its history, the warning before reaching out. */
export const consent = {
  channels: { EMAIL: "E-mail", PHONE: "Phone", POST: "Post" },
  /** A channel inside a sentence. */
  channelsInText: { EMAIL: "e-mail", PHONE: "phone", POST: "post" },
  /** What a withdrawal means for the user, on a badge. */
  withdrawnBadge: {
    EMAIL: "No e-mail marketing",
    PHONE: "No phone marketing",
    POST: "No postal marketing",
  },
  /** The same inside a sentence. */
  withdrawnInText: {
    EMAIL: "no e-mail marketing",
    PHONE: "no phone marketing",
    POST: "no postal marketing",
  },
  status: { GRANTED: "Granted", WITHDRAWN: "Withdrawn", UNKNOWN: "Not recorded" },
  statusInText: { GRANTED: "granted", WITHDRAWN: "withdrawn", UNKNOWN: "not recorded" },
  heading: "Marketing consent",
  noContacts: "No contacts.",
  consentOf: "Consent of {{name}}",
  currentOf: "Current consent of {{name}}",
  recordFor: "Record consent for {{name}}",
  record: "Record consent",
  hideHistory: "Hide history",
  showHistory: "Show history",
  loadingHistory: "Loading the consent history…",
  nothingYet: "Nothing recorded yet.",
  historyOf: "Consent history of {{name}}",
  historyEntry: "{{date}} · {{channel}} {{status}} · {{source}}",
  recordedBy: "recorded by {{name}}, {{when}}",
  channel: "Channel",
  consent: "Consent",
  source: "Source (e.g. web form, phone call, letter)",
  date: "Effective date",
  save: "Save consent",
  withdrawnTitle: "Consent withdrawn",
  withdrew: "{{name}} withdrew consent for {{channel}}: {{meaning}}.",
  withdrewWhen: "{{name}} withdrew consent for {{channel}} ({{source}}, {{date}}): {{meaning}}.",
  continueAnyway: "Continue anyway",
};
