import type { Catalog } from "../catalog";
import type { lifecycle as en } from "../en/lifecycle";

export const lifecycle: Catalog<typeof en> = {
  steps: { release: "Freigeben…", approve: "Genehmigen", decline: "Ablehnen…" },
  group: "Freigabe",
  releaseForm: "Kunden freigeben",
  releaseQuestion:
    "{{name}} der Buchhaltung zur Genehmigung vorlegen? Bis zur Genehmigung kann der Kunde keine Angebote oder Aufträge erhalten.",
  release: "Freigeben",
  declineForm: "Kunden ablehnen",
  reason: "Begründung",
  reasonHint: "Der Vertriebsmitarbeiter sieht sie im Verlauf des Kunden.",
  decline: "Ablehnen",
  declined: "Abgelehnt",
  declinedBy: "Abgelehnt von {{name}}, {{when}}",
};
