import { Text } from "@fluentui/react-components";
import { useState } from "react";
import type { TimelineFilter } from "../../api/crm-api";
import { ErrorState, Loading } from "../../app/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import type { RecordTabContext } from "../record/record-tab.types";
import { ContactsChart } from "../reports/contacts-chart";
import { TimelineList } from "./timeline-list";
import { useTimeline } from "./use-timeline";

/** Everything that happened (and is planned) with the customer, latest first, filtered by kind and period. */
export function TimelineTab({ record }: RecordTabContext) {
  const layout = useLayoutStyles();
  const [filter] = useState<TimelineFilter>({});
  const { state, loadMore, reload } = useTimeline(record.customer.id, filter);
  return (
    <>
      <ContactsChart customerId={record.customer.id} />
      <section className={layout.form} aria-labelledby="timeline-heading">
        <Text id="timeline-heading" as="h3" weight="semibold" size={400}>
          Timeline
        </Text>
        {state.status === "loading" && <Loading label="Loading the timeline…" />}
        {state.status === "error" && <ErrorState error={state.error} onRetry={reload} />}
        {state.status === "ready" && (
          <TimelineList items={state.items} total={state.total} loadingMore={state.loadingMore} onLoadMore={loadMore} />
        )}
      </section>
    </>
  );
}
