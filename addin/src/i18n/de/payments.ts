import type { Catalog } from "../catalog";
import type { payments as en } from "../en/payments";

export const payments: Catalog<typeof en> = {
  heading: "Zahlungsvereinbarungen",
  none: "Keine Zahlungsvereinbarungen.",
  propose: "Vereinbarung vorschlagen",
  proposeLabel: "Neue Zahlungsvereinbarung",
  purpose: "Zweck (z. B. Listungsgebühr, Jahresbonus)",
  amount: "Betrag",
  currency: "Währung",
  periodFrom: "Zeitraum von",
  periodTo: "Zeitraum bis",
  submitProposal: "Vorschlagen",
  status: { PROPOSED: "Wartet auf Genehmigung", APPROVED: "Genehmigt", REJECTED: "Abgelehnt" },
  remaining: "{{remaining}} von {{amount}} offen",
  period: "{{from}} – {{to}}",
  approve: "Genehmigen",
  reject: "Ablehnen",
  decidedBy: "{{status}} von {{name}}",
  recordPayment: "Zahlung erfassen",
  paymentLabel: "Zahlung zu {{purpose}}",
  paidOn: "Gezahlt am",
  reference: "Referenz (Gutschrift, Überweisung)",
  submitPayment: "Zahlung speichern",
  paymentLine: "{{amount}} am {{day}}",
  payments: "Zahlungen",
};
