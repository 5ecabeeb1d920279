import type { Catalog } from "../catalog";
import type { search as en } from "../en/search";

export const search: Catalog<typeof en> = {
  back: "← Zurück zu den Ergebnissen",
  form: "Kunden suchen",
  field: "Suche",
  placeholder: "Kontonummer, Name oder Adresse",
  types: "Typen",
  statuses: "Status",
  dueToday: "Nur mit heute fälligen Erinnerungen",
  mine: "Nur meine Kunden",
  search: "Suchen",
  awaitingApproval: "Wartet auf Genehmigung",
  filtersApply: "Die angehakten Filter gelten auch für die Textsuche.",
  recent: "Zuletzt geöffnet",
  searching: "Suche läuft…",
  results: "Suchergebnisse",
  noneAwaiting: "Kein Kunde wartet auf Genehmigung.",
  noMatch: "Kein Kunde passt. Suche oder Filter ändern.",
  count_one: "{{count}} Kunde",
  count_other: "{{count}} Kunden",
  countCapped: "{{count}}+ Kunden",
  firstShown: ", die ersten {{count}} angezeigt",
  status: "Status {{code}}",
};
