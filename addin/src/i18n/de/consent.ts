import type { Catalog } from "../catalog";
import type { consent as en } from "../en/consent";

export const consent: Catalog<typeof en> = {
  channels: { EMAIL: "E-Mail", PHONE: "Telefon", POST: "Post" },
  channelsInSentence: { EMAIL: "E-Mail", PHONE: "Telefon", POST: "Post" },
  badges: { EMAIL: "Keine E-Mail-Werbung", PHONE: "Keine Telefonwerbung", POST: "Keine Postwerbung" },
  badgesInSentence: { EMAIL: "keine E-Mail-Werbung", PHONE: "keine Telefonwerbung", POST: "keine Postwerbung" },
  statuses: { GRANTED: "Erteilt", WITHDRAWN: "Widerrufen", UNKNOWN: "Nicht erfasst" },
  statusesInSentence: { GRANTED: "erteilt", WITHDRAWN: "widerrufen", UNKNOWN: "nicht erfasst" },
  warning: {
    title: "Einwilligung widerrufen",
    text: "{{name}} hat die Einwilligung für {{channel}} widerrufen: {{meaning}}.",
    textWithEntry: "{{name}} hat die Einwilligung für {{channel}} widerrufen ({{source}}, {{date}}): {{meaning}}.",
    continue: "Trotzdem fortfahren",
    cancel: "Abbrechen",
  },
  section: {
    heading: "Werbeeinwilligung",
    noContacts: "Keine Kontakte.",
    of: "Einwilligung von {{name}}",
    currentOf: "Aktuelle Einwilligung von {{name}}",
    recordFor: "Einwilligung für {{name}} erfassen",
    record: "Einwilligung erfassen",
    showHistory: "Verlauf zeigen",
    hideHistory: "Verlauf ausblenden",
    loadingHistory: "Der Einwilligungsverlauf wird geladen…",
    nothingYet: "Noch nichts erfasst.",
    historyOf: "Einwilligungsverlauf von {{name}}",
    recordedBy: "erfasst von {{name}}, {{when}}",
  },
  form: {
    channel: "Kanal",
    consent: "Einwilligung",
    source: "Quelle (z. B. Webformular, Anruf, Brief)",
    date: "Gültig ab",
    save: "Einwilligung speichern",
  },
};
