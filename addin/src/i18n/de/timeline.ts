import type { Catalog } from "../catalog";
import type { timeline as en } from "../en/timeline";

export const timeline: Catalog<typeof en> = {
  heading: "Verlauf",
  backwards: "Der Zeitraum endet, bevor er beginnt.",
  loading: "Der Verlauf wird geladen…",
  kinds: {
    ACTIVITY: "Aktivität",
    EMAIL: "E-Mail",
    NOTE: "Notiz",
    QUOTE: "Angebot",
    ORDER: "Auftrag",
    LIFECYCLE: "Lebenszyklus",
  },
  filter: "Verlaufsfilter",
  kindsGroup: "Arten",
  from: "Von",
  to: "Bis",
  empty: "Keine Einträge.",
  entries: "Einträge im Verlauf",
  shown: "{{shown}} von {{total}}",
  loadingMore: "Wird geladen…",
  loadMore: "Mehr laden",
  lifecycle: {
    heading: "Lebenszyklus",
    empty: "Noch keine Übergänge.",
    list: "Übergänge im Lebenszyklus",
    transitions: { RELEASE: "Freigegeben", APPROVE: "Genehmigt", DECLINE: "Abgelehnt" },
    states: { NEW: "neu", RELEASED: "freigegeben", ACTIVE: "aktiv", DECLINED: "abgelehnt" },
    change: "{{transition}} ({{from}} → {{to}})",
    reason: " · Grund: {{reason}}",
  },
};
