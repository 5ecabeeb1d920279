import type { Catalog } from "../catalog";
import type { adoption as en } from "../en/adoption";

export const adoption: Catalog<typeof en> = {
  heading: "Adoptionspfad",
  loading: "Adoptionspfad wird geladen…",
  month: "Monat",
  answers: "Profilierungsantworten",
  period_one: "im letzten {{count}} Monat",
  period_other: "in den letzten {{count}} Monaten",
  none: "Keine Profilierungsantworten oder Anrufergebnisse {{period}}.",
  summary: "{{period}}: {{answers}}, {{calls}}. Letzter Monat mit Einträgen: {{month}}.",
  answerCount_one: "{{count}} Profilierungsantwort",
  answerCount_other: "{{count}} Profilierungsantworten",
  callCount_one: "{{count}} Anruf mit Ergebnis",
  callCount_other: "{{count}} Anrufe mit Ergebnis",
  bar: "{{month}}: {{what}}",
};
