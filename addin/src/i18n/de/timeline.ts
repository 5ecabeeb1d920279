import type { Catalog } from "../catalog";
import type { timeline as en } from "../en/timeline";

export const timeline: Catalog<typeof en> = {
  heading: "Verlauf",
  loading: "Der Verlauf wird geladen…",
  backwards: "Der Zeitraum endet, bevor er beginnt.",
  kinds: {
    ACTIVITY: "Aktivität",
    EMAIL: "E-Mail",
    NOTE: "Notiz",
    QUOTE: "Angebot",
    ORDER: "Auftrag",
    LIFECYCLE: "Freigabe",
  },
  filter: { label: "Verlaufsfilter", kinds: "Arten", from: "Von", to: "Bis" },
  entries: "Verlaufseinträge",
  empty: "Keine Einträge.",
  shown: "{{shown}} von {{total}}",
  loadingMore: "Wird geladen…",
  loadMore: "Mehr laden",
  lifecycle: {
    heading: "Freigabeverlauf",
    empty: "Noch keine Statuswechsel.",
    label: "Statuswechsel",
    transitions: { RELEASE: "Freigegeben", APPROVE: "Genehmigt", DECLINE: "Abgelehnt" },
    states: { NEW: "neu", RELEASED: "freigegeben", ACTIVE: "aktiv", DECLINED: "abgelehnt" },
    reason: "Begründung: {{reason}}",
  },
};
