import { Badge, Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n";
import type { Action, Contact, Incident, Opportunity } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { isChangedElsewhere } from "../../shared/use-form-save";
import { may } from "../../shared/may";
import { ActionForm, type ActionTargets } from "./action-form";
import { ActionList } from "./action-list";
import { DoneActions } from "./done-actions";
import { IncidentForm } from "./incident-form";
import { OpportunityForm } from "./opportunity-form";
import { useQuickChange } from "./quick-change";
import { SalesItem } from "./sales-item";
import { SEVERITY_COLOR, money, useSalesLabels } from "./sales-labels";

type NewForm = "opportunity" | "incident" | "action";
const NEW_FORMS: NewForm[] = ["opportunity", "incident", "action"];

/** What is being sold and what needs fixing for this customer, and the open to-dos around both. */
export function SalesSection({
  customer,
  contacts,
  contactId,
  opportunities,
  incidents,
  openActions,
  reload,
}: {
  customer: { id: string; name: string; salesmen: readonly { id: string }[] };
  contacts: Contact[];
  /** The contact of the open email, if any: preselected for a new incident. */
  contactId: string | null;
  opportunities: Opportunity[];
  incidents: Incident[];
  openActions: Action[];
  reload: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("sales");
  const format = useFormat();
  const labels = useSalesLabels();
  const newLabel: Record<NewForm, string> = {
    opportunity: t("newOpportunity"),
    incident: t("newIncident"),
    action: t("newAction"),
  };
  const { api, me } = useServices();
  const quick = useQuickChange(reload);
  const [form, setForm] = useState<NewForm | null>(null);
  const targets: ActionTargets = { customer, contacts, opportunities, incidents };
  const close = () => setForm(null);
  const saved = () => {
    close();
    reload();
  };
  const shared = { targets, quick, reload };

  return (
    <>
      <div className={layout.buttons}>
        {NEW_FORMS.map((kind) => (
          <Button key={kind} aria-expanded={form === kind} onClick={() => setForm(form === kind ? null : kind)}>
            {newLabel[kind]}
          </Button>
        ))}
      </div>
      {form === "opportunity" && (
        <OpportunityForm customerId={customer.id} onSaved={saved} onCancel={close} reload={reload} />
      )}
      {form === "incident" && (
        <IncidentForm
          customerId={customer.id}
          contacts={contacts}
          contactId={contactId}
          onSaved={saved}
          onCancel={close}
          reload={reload}
        />
      )}
      {form === "action" && <ActionForm targets={targets} onSaved={saved} onCancel={close} reload={reload} />}
      {quick.message && (
        <MessageBar intent={isChangedElsewhere(quick.message) ? "warning" : "error"} role="alert">
          <MessageBarBody>{quick.message}</MessageBarBody>
        </MessageBar>
      )}
      <TitledList title={t("opportunities")} empty={t("noOpportunities")} count={opportunities.length}>
        <ul className={layout.list}>
          {opportunities.map((opportunity) => (
            <SalesItem
              key={opportunity.id}
              {...shared}
              name={opportunity.title}
              summary={
                <>
                  <Text>{opportunity.title}</Text>
                  <Caption1>
                    {money(opportunity, format)} · {format.number(opportunity.probability / 100, { style: "percent" })}
                    {opportunity.expectedCloseDate ? t("close", { day: opportunity.expectedCloseDate }) : ""} ·{" "}
                    {opportunity.owner.name}
                  </Caption1>
                </>
              }
              quickLabel={t("stage")}
              quickValue={opportunity.stage}
              quickChoices={labels.stages}
              onQuickChange={(stage) => api.updateOpportunity(opportunity.id, { stage, version: opportunity.version })}
              version={opportunity.version}
              mayChange={may(me, "opportunities:change", {
                ownerId: opportunity.owner.id,
                salesmen: customer.salesmen,
              })}
              actions={opportunity.actions}
              parent={`opportunityId:${opportunity.id}`}
              renderEdit={(done) => (
                <OpportunityForm customerId={customer.id} opportunity={opportunity} reload={reload} {...done} />
              )}
            />
          ))}
        </ul>
      </TitledList>
      <TitledList title={t("incidents")} empty={t("noIncidents")} count={incidents.length}>
        <ul className={layout.list}>
          {incidents.map((incident) => (
            <SalesItem
              key={incident.id}
              {...shared}
              name={incident.subject}
              summary={
                <>
                  <Text>
                    {incident.subject}{" "}
                    <Badge appearance="tint" color={SEVERITY_COLOR[incident.severity]}>
                      {t(`severityBadge.${incident.severity}`)}
                    </Badge>
                  </Text>
                  <Caption1>
                    {t("opened", { owner: incident.owner.name, date: format.date(incident.createdAt, me.timeZone) })}
                  </Caption1>
                </>
              }
              quickLabel={t("state")}
              quickValue={incident.state}
              quickChoices={labels.states}
              onQuickChange={(state) => api.updateIncident(incident.id, { state, version: incident.version })}
              version={incident.version}
              mayChange={may(me, "incidents:change", { ownerId: incident.owner.id, salesmen: customer.salesmen })}
              actions={incident.actions}
              parent={`incidentId:${incident.id}`}
              renderEdit={(done) => (
                <IncidentForm
                  customerId={customer.id}
                  contacts={contacts}
                  contactId={null}
                  incident={incident}
                  reload={reload}
                  {...done}
                />
              )}
            />
          ))}
        </ul>
      </TitledList>
      <TitledList title={t("openActions")} empty={t("nothingToDo")} count={openActions.length}>
        <ActionList actions={openActions} label={t("openActionsOfCustomer")} empty="" {...shared} />
      </TitledList>
      <DoneActions openActions={openActions} {...shared} />
    </>
  );
}

/** A titled section of the record: its list, or a sentence saying there are none. */
function TitledList({
  title,
  count,
  empty,
  children,
}: {
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  const layout = useLayoutStyles();
  return (
    <section className={layout.form} aria-label={title}>
      <Text as="h3" weight="semibold" size={400}>
        {title}
      </Text>
      {count === 0 ? <EmptyState>{empty}</EmptyState> : children}
    </section>
  );
}
