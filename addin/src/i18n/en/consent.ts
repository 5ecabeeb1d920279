/** Marketing consent per contact and channel (features/consent). */
export const consent = {
  channels: { EMAIL: "E-mail", PHONE: "Phone", POST: "Post" },
  /** The channel inside a sentence ("withdrew consent for e-mail"). */
  channelsInSentence: { EMAIL: "e-mail", PHONE: "phone", POST: "post" },
  badges: { EMAIL: "No e-mail marketing", PHONE: "No phone marketing", POST: "No postal marketing" },
  badgesInSentence: { EMAIL: "no e-mail marketing", PHONE: "no phone marketing", POST: "no postal marketing" },
  statuses: { GRANTED: "Granted", WITHDRAWN: "Withdrawn", UNKNOWN: "Not recorded" },
  statusesInSentence: { GRANTED: "granted", WITHDRAWN: "withdrawn", UNKNOWN: "not recorded" },
  warning: {
    title: "Consent withdrawn",
    text: "{{name}} withdrew consent for {{channel}}: {{meaning}}.",
    textWithEntry: "{{name}} withdrew consent for {{channel}} ({{source}}, {{date}}): {{meaning}}.",
    continue: "Continue anyway",
    cancel: "Cancel",
  },
  section: {
    heading: "Marketing consent",
    noContacts: "No contacts.",
    of: "Consent of {{name}}",
    currentOf: "Current consent of {{name}}",
    recordFor: "Record consent for {{name}}",
    record: "Record consent",
    showHistory: "Show history",
    hideHistory: "Hide history",
    loadingHistory: "Loading the consent history…",
    nothingYet: "Nothing recorded yet.",
    historyOf: "Consent history of {{name}}",
    recordedBy: "recorded by {{name}}, {{when}}",
  },
  form: {
    channel: "Channel",
    consent: "Consent",
    source: "Source (e.g. web form, phone call, letter)",
    date: "Effective date",
    save: "Save consent",
  },
};
