import { Badge, Caption1, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
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
  const { me } = useServices();
  const money = (opportunity: Opportunity) =>
    new Intl.NumberFormat(undefined, { style: "currency", currency: opportunity.currency }).format(
      Number(opportunity.value),
    );
  return (
    <>
      <TitledList
        title="Opportunities"
        items={opportunities}
        empty="No opportunities."
        render={(opportunity) => (
          <>
            <Text>
              {opportunity.title} <Badge appearance="outline">{STAGE[opportunity.stage]}</Badge>
            </Text>
            <Caption1>
              {money(opportunity)} · {opportunity.probability}%
              {opportunity.expectedCloseDate ? ` · close ${opportunity.expectedCloseDate}` : ""} ·{" "}
              {opportunity.owner.name}
            </Caption1>
          </>
        )}
      />
      <TitledList
        title="Incidents"
        items={incidents}
        empty="No incidents."
        render={(incident) => (
          <>
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
          </>
        )}
      />
      <TitledList
        title="Open actions"
        items={openActions}
        empty="Nothing to do."
        render={(action) => (
          <>
            <Text>{action.title}</Text>
            <Caption1>
              {action.dueDate ? `due ${action.dueDate}` : "no due day"} · {action.owner.name}
            </Caption1>
          </>
        )}
      />
    </>
  );
}

/** A titled section of the record: its entries, or a sentence saying there are none. */
function TitledList<T extends { id: string }>({
  title,
  items,
  empty,
  render,
}: {
  title: string;
  items: T[];
  empty: string;
  render: (item: T) => ReactNode;
}) {
  const layout = useLayoutStyles();
  return (
    <section className={layout.form} aria-label={title}>
      <Text as="h3" weight="semibold" size={400}>
        {title}
      </Text>
      {items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className={layout.list}>
          {items.map((item) => (
            <li key={item.id} className={layout.item}>
              {render(item)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
