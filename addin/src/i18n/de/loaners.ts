import type { Catalog } from "../catalog";
import type { loaners as en } from "../en/loaners";

/** Leihaufträge: an den Kunden verliehene Geräte, Rückgabedatum und Rückgabe (features/loaners). */
export const loaners: Catalog<typeof en> = {
  type: "Auftragsart",
  types: { STANDARD: "Standardauftrag", LOANER: "Leihauftrag (Gerät verliehen)" },
  dueBackOn: "Rückgabe bis",
  dueBackHint: "Der Verkäufer bekommt eine Erinnerungsaufgabe, wenn die Rückgabe überfällig ist",
  loaner: "Leihauftrag",
  dueBack: "Rückgabe bis {{day}}",
  overdue: "überfällig",
  returned: "Zurückgegeben am {{day}}, erfasst von {{name}}",
  returnButton: "{{number}} zurücknehmen",
  returnForm: "{{number}} zurücknehmen",
  returnedOn: "Zurückgegeben am",
  remark: "Bemerkung (optional)",
  recordReturn: "Rückgabe erfassen",
  back: "Zurück",
  heading: "Offene Leihaufträge",
  item: "{{number}} {{title}}",
};
