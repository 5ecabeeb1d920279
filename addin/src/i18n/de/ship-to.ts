import type { Catalog } from "../catalog";
import type { shipTo as en } from "../en/ship-to";

export const shipTo: Catalog<typeof en> = {
  heading: "Lieferadressen",
  none: "Keine Lieferadressen; Ware geht an die Hauptadresse.",
  add: "Lieferadresse hinzufügen",
  edit: "Lieferadresse bearbeiten",
  new: "Neue Lieferadresse",
  save: "Adresse speichern",
  name: "Name (z. B. Lager Hamburg)",
  street: "Straße",
  postalCode: "PLZ",
  city: "Ort",
  region: "Region",
  country: "Land",
};
