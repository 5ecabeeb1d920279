import type { Incident, Opportunity } from "contract";

export const STAGE_LABEL: Record<Opportunity["stage"], string> = {
  PROSPECTING: "Prospecting",
  QUALIFICATION: "Qualification",
  PROPOSAL: "Proposal",
  NEGOTIATION: "Negotiation",
  WON: "Won",
  LOST: "Lost",
};
export const SEVERITY_LABEL: Record<Incident["severity"], string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};
export const SEVERITY_COLOR = { LOW: "subtle", MEDIUM: "informative", HIGH: "warning", CRITICAL: "danger" } as const;
export const STATE_LABEL: Record<Incident["state"], string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export function money(opportunity: Pick<Opportunity, "value" | "currency">): string {
  return new Intl.NumberFormat(undefined, { style: "currency", currency: opportunity.currency }).format(
    Number(opportunity.value),
  );
}
