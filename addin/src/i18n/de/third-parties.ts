import type { Catalog } from "../catalog";
import type { thirdParties as en } from "../en/third-parties";

export const thirdParties: Catalog<typeof en> = {
  heading: "Drittparteien",
  none: "Keine Drittparteien.",
  add: "Drittpartei hinzufügen",
  contract: "Vertrag {{number}}",
  edit: "Drittpartei bearbeiten",
  new: "Neue Drittpartei",
  save: "Drittpartei speichern",
  name: "Name",
  role: "Funktion (z. B. Steuerberater, Installateur)",
  email: "E-Mail",
  phone: "Telefon",
  contractNumber: "Vertragsnummer",
  contractStart: "Vertragsbeginn",
  contractEnd: "Vertragsende",
  notes: "Notizen",
};
