import type { Catalog } from "../catalog";
import type { lifecycle as en } from "../en/lifecycle";

export const lifecycle: Catalog<typeof en> = {
  declined: "Abgelehnt",
  declinedBy: "Abgelehnt von {{name}}, {{when}}",
  group: "Lebenszyklus",
  steps: { release: "Freigeben…", approve: "Genehmigen", decline: "Ablehnen…" },
  releaseForm: "Kunde freigeben",
  releaseAsk:
    "{{name}} der Buchhaltung zur Genehmigung freigeben? Bis zur Genehmigung kann der Kunde keine Angebote oder Aufträge erhalten.",
  release: "Freigeben",
  cancel: "Abbrechen",
  declineForm: "Kunde ablehnen",
  reason: "Grund",
  reasonHint: "Der Vertrieb sieht ihn im Verlauf des Kunden.",
  decline: "Ablehnen",
};
