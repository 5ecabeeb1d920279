import { Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimelineFilter as Filter } from "../../api/crm-api";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { zonedToIso } from "../../shared/zoned-time";
import type { RecordTabContext } from "../../shared/record-tab.types";
import { AdoptionChart, ContactsChart } from "../reports";
import { LifecycleHistory } from "./lifecycle-history";
import { type TimelineChoice, TimelineFilter } from "./timeline-filter";
import { TimelineList } from "./timeline-list";
import { useTimeline } from "./use-timeline";

/** The chosen days as instants: from the first day's start to the last day's end, in the user's zone. */
function toFilter(choice: TimelineChoice, timeZone: string): Filter {
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    kinds: choice.kinds,
    from: choice.fromDay ? zonedToIso(choice.fromDay, "00:00", timeZone) : undefined,
    to: choice.toDay
      ? new Date(Date.parse(zonedToIso(nextDay(choice.toDay), "00:00", timeZone)) - 1).toISOString()
      : undefined,
  };
}

/** Everything that happened (and is planned) with the customer, latest first, filtered by kind and period. */
export function TimelineTab({ record }: RecordTabContext) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("timeline");
  const { me } = useServices();
  const [choice, setChoice] = useState<TimelineChoice>({ kinds: [], fromDay: "", toDay: "" });
  const backwards = Boolean(choice.fromDay && choice.toDay && choice.toDay < choice.fromDay);
  // A half-typed or backwards period is not sent: the list stays as it was until the period makes sense.
  const [applied, setApplied] = useState(choice);
  if (!backwards && applied !== choice) setApplied(choice);
  const { state, loadMore, reload } = useTimeline(record.customer.id, toFilter(applied, me.timeZone));
  return (
    <>
      <ContactsChart customerId={record.customer.id} />
      <AdoptionChart customerId={record.customer.id} />
      <section className={layout.form} aria-labelledby="timeline-heading">
        <Text id="timeline-heading" as="h3" weight="semibold" size={400}>
          {t("heading")}
        </Text>
        <TimelineFilter value={choice} onChange={setChoice} />
        {backwards && <Text role="alert">{t("backwards")}</Text>}
        {state.status === "loading" && <Loading label={t("loading")} />}
        {state.status === "error" && <ErrorState error={state.error} onRetry={reload} />}
        {state.status === "ready" && (
          <TimelineList items={state.items} total={state.total} loadingMore={state.loadingMore} onLoadMore={loadMore} />
        )}
      </section>
      <LifecycleHistory history={record.lifecycle.history} />
    </>
  );
}
