import { Badge, Caption1, Text } from "@fluentui/react-components";
import type { Action, Incident, Opportunity } from "../../../../contract";
import { useServices } from "../../app/services-context";
import { EmptyState } from "../../app/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { formatInZone } from "../../shared/zoned-time";

const STAGE: Record<Opportunity["stage"], string> = {
  PROSPECTING: "Prospecting",
  QUALIFICATION: "Qualification",
  PROPOSAL: "Proposal",
  NEGOTIATION: "Negotiation",
  WON: "Won",
  LOST: "Lost",
};
const SEVERITY_COLOR = { LOW: "subtle", MEDIUM: "informative", HIGH: "warning", CRITICAL: "danger" } as const;
const STATE: Record<Incident["state"], string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

/** What is being sold and what needs fixing for this customer, and the open to-dos around both. */
export function SalesSection({
  opportunities,
  incidents,
  openActions,
}: {
  opportunities: Opportunity[];
  incidents: Incident[];
  openActions: Action[];
}) {
  const layout = useLayoutStyles();
  const { me } = useServices();
  const money = (opportunity: Opportunity) =>
    new Intl.NumberFormat(undefined, { style: "currency", currency: opportunity.currency }).format(
      Number(opportunity.value),
    );
  return (
    <>
      <section className={layout.form} aria-label="Opportunities">
        <Text as="h3" weight="semibold" size={400}>
          Opportunities
        </Text>
        {opportunities.length === 0 ? (
          <EmptyState>No opportunities.</EmptyState>
        ) : (
          <ul className={layout.list}>
            {opportunities.map((opportunity) => (
              <li key={opportunity.id} className={layout.item}>
                <Text>
                  {opportunity.title} <Badge appearance="outline">{STAGE[opportunity.stage]}</Badge>
                </Text>
                <Caption1>
                  {money(opportunity)} · {opportunity.probability}%
                  {opportunity.expectedCloseDate ? ` · close ${opportunity.expectedCloseDate}` : ""} ·{" "}
                  {opportunity.owner.name}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={layout.form} aria-label="Incidents">
        <Text as="h3" weight="semibold" size={400}>
          Incidents
        </Text>
        {incidents.length === 0 ? (
          <EmptyState>No incidents.</EmptyState>
        ) : (
          <ul className={layout.list}>
            {incidents.map((incident) => (
              <li key={incident.id} className={layout.item}>
                <Text>
                  {incident.subject}{" "}
                  <Badge appearance="tint" color={SEVERITY_COLOR[incident.severity]}>
                    {incident.severity.toLowerCase()}
                  </Badge>
                </Text>
                <Caption1>
                  {STATE[incident.state]} · {incident.owner.name} · opened{" "}
                  {formatInZone(incident.createdAt, me.timeZone, false)}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={layout.form} aria-label="Open actions">
        <Text as="h3" weight="semibold" size={400}>
          Open actions
        </Text>
        {openActions.length === 0 ? (
          <EmptyState>Nothing to do.</EmptyState>
        ) : (
          <ul className={layout.list}>
            {openActions.map((action) => (
              <li key={action.id} className={layout.item}>
                <Text>{action.title}</Text>
                <Caption1>
                  {action.dueDate ? `due ${action.dueDate}` : "no due day"} · {action.owner.name}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
