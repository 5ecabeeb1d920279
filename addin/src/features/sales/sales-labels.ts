import type { Incident, Opportunity } from "contract";
import { useTranslation } from "react-i18next";
import type { Format } from "../../i18n";

const STAGES: Opportunity["stage"][] = ["PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST"];
const SEVERITIES: Incident["severity"][] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
const STATES: Incident["state"][] = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];

export const SEVERITY_COLOR = { LOW: "subtle", MEDIUM: "informative", HIGH: "warning", CRITICAL: "danger" } as const;

/** Stages, severities and states by code, in the pane's language (the sales catalog), for selects. */
export function useSalesLabels() {
  const { t } = useTranslation("sales");
  return {
    stages: Object.fromEntries(STAGES.map((stage) => [stage, t(`stages.${stage}`)])) as Record<
      Opportunity["stage"],
      string
    >,
    severities: Object.fromEntries(SEVERITIES.map((severity) => [severity, t(`severities.${severity}`)])) as Record<
      Incident["severity"],
      string
    >,
    states: Object.fromEntries(STATES.map((state) => [state, t(`states.${state}`)])) as Record<
      Incident["state"],
      string
    >,
  };
}

export function money(opportunity: Pick<Opportunity, "value" | "currency">, format: Format): string {
  return format.money(opportunity.value, opportunity.currency);
}
