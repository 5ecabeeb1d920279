import type { Catalog } from "../catalog";
import type { items as en } from "../en/items";

/** Artikel auf Positionen, Artikelnummern des Kunden und Auftragsimport. */
export const items: Catalog<typeof en> = {
  theirCode: "Artikelnummer des Kunden: {{code}}",
  isTheirs: "Artikelnummer des Kunden für {{item}}",
  linesOf: "Positionen von {{number}}",
  lineCodes: "{{item}} (Kunde: {{code}})",
  references: {
    heading: "Artikelnummern des Kunden",
    add: "Kundennummer hinzufügen",
    empty: "Keine Artikelnummern des Kunden.",
    label: "Kundennummer {{code}}",
    mapsTo: "{{code}} → {{item}}",
    retired: "nicht mehr im Sortiment",
    delete: "Kundennummer {{code}} löschen",
    form: {
      new: "Neue Artikelnummer des Kunden",
      save: "Kundennummer speichern",
      back: "Zurück",
      customerCode: "Nummer des Kunden",
      customerDescription: "Bezeichnung des Kunden",
      item: "Unsere Artikelnummer",
    },
  },
  import: {
    heading: "Auftrag importieren",
    file: "Bestelldatei des Kunden (CSV oder XML)",
    check: "Datei prüfen",
    confirm: "Auftrag mit {{count}} Positionen importieren",
    again: "Andere Datei wählen",
    ready: "{{count}} Positionen bereit, Summe {{total}}.",
    invalid: "{{count}} Fehler: Importiert wird erst, wenn die Datei korrigiert ist.",
    created: "Als Auftrag SO-{{number}} importiert.",
    duplicate: "Diese Datei oder Bestellnummer wurde schon importiert: Auftrag SO-{{number}}.",
    reference: "Bestellung {{reference}}",
    tooLarge: "Die Datei ist größer als 256 KB.",
    lines: "Positionen der Datei",
    errors: "Fehler",
    lineNumber: "Zeile",
    item: "Artikel",
    quantity: "Menge",
    price: "Preis",
    problem: "Zeile {{line}}, {{field}}: {{message}}",
    fileProblem: "Datei, {{field}}: {{message}}",
  },
};
