import type { Catalog } from "../catalog";
import type { contacts as en } from "../en/contacts";

export const contacts: Catalog<typeof en> = {
  create: {
    newCustomerFor: "Neuer Kunde für diesen Absender",
    newCustomerHeading: "Neuer Kunde für {{email}}",
    form: "Neuer Kontakt",
    heading: "{{email}} als Kontakt anlegen",
    firstName: "Vorname",
    lastName: "Nachname",
    role: "Funktion",
    phone: "Telefon",
    placeUnder: "Zuordnen zu",
    byDomain: "{{name}} ({{account}}), über die E-Mail-Domain",
    other: "Anderer Kunde…",
    unassigned: "Vorerst ohne Kunde",
    saving: "Wird gespeichert…",
    submit: "Kontakt anlegen",
    newCustomerInstead: "Stattdessen neuen Kunden anlegen",
    cancel: "Abbrechen",
  },
  move: {
    loading: "Der Kontakt wird geladen…",
    form: "{{name}} zu einem Kunden verschieben",
    now: "Derzeit bei {{name}} ({{account}}).",
    submit: "Kontakt verschieben",
  },
};
