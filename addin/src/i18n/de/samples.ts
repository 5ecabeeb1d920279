import type { Catalog } from "../catalog";
import type { samples as en } from "../en/samples";

export const samples: Catalog<typeof en> = {
  heading: "Übergebene Muster",
  none: "Noch keine Muster übergeben.",
  line: "{{quantity}} × {{item}}",
  batchOf: "Charge {{batch}}",
  handedOver: "Übergebene Muster",
  row: "Muster {{number}}",
  itemCode: "Artikelnummer",
  description: "Beschreibung",
  quantity: "Menge",
  batch: "Chargennummer",
  batchHint: "Wie auf der Packung: nötig, falls die Charge zurückgerufen wird.",
  add: "Muster hinzufügen",
  remove: "Entfernen",
  removeRow: "Muster {{number}} entfernen",
};
