import type { Catalog } from "../catalog";
import type { details as en } from "../en/details";

export const details: Catalog<typeof en> = {
  shipTo: {
    title: "Lieferadressen",
    empty: "Keine Lieferadressen; Ware geht an die Hauptadresse.",
    add: "Lieferadresse hinzufügen",
    edit: "Lieferadresse bearbeiten",
    new: "Neue Lieferadresse",
    save: "Adresse speichern",
    name: "Name (z. B. Lager Hamburg)",
    street: "Straße",
    postalCode: "Postleitzahl",
    city: "Ort",
    region: "Region",
    country: "Land",
  },
  thirdParties: {
    title: "Dritte",
    empty: "Keine Dritten.",
    add: "Dritten hinzufügen",
    contract: "Vertrag {{number}}",
    edit: "Dritten bearbeiten",
    editWhat: "{{name}} bearbeiten",
    new: "Neuer Dritter",
    save: "Dritten speichern",
    name: "Name",
    role: "Rolle (z. B. Steuerberater, Installateur)",
    email: "E-Mail",
    phone: "Telefon",
    contractNumber: "Vertragsnummer",
    contractStart: "Vertragsbeginn",
    contractEnd: "Vertragsende",
    notes: "Notizen",
  },
};
