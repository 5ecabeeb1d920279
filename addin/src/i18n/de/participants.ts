import type { Catalog } from "../catalog";
import type { participants as en } from "../en/participants";

export const participants: Catalog<typeof en> = {
  readingMessage: "Nachricht wird gelesen…",
  selectEmail: "Eine E-Mail auswählen, um den Kundendatensatz des Absenders zu sehen.",
  noSubject: "(kein Betreff)",
  onlyYou: "Auf dieser E-Mail steht außer Ihnen niemand.",
  lookingUp: "Die Personen auf dieser E-Mail werden gesucht…",
  allMatching: "← Alle {{count}} passenden Kunden",
  severalMatch: "Mehrere Kunden passen zu dieser E-Mail. Welcher ist gemeint?",
  byDomain: " · über die Domain",
  noneMatch: "Niemand auf dieser E-Mail gehört bisher zu einem Kunden. Den Absender oben als Kontakt anlegen.",
  people: "Personen auf dieser E-Mail",
  addAsContact: "Als Kontakt anlegen",
  moveToCustomer: "Zu Kunde verschieben",
  notInCrm: "Nicht im CRM",
  unknownAt: "Unbekannte Person bei {{customer}}",
  unknownDomain: "Unbekannte Person; Domain von {{count}} Kunden verwendet",
  unassigned: "Kontakt ohne Kunde",
};
