import { Badge, Button, Caption1, Text } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import type { TimelineItem, TimelineKind } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";

export const KIND_LABEL: Record<TimelineKind, string> = {
  ACTIVITY: "Activity",
  EMAIL: "E-mail",
  NOTE: "Note",
  QUOTE: "Quote",
  ORDER: "Order",
  LIFECYCLE: "Lifecycle",
};

/** The entries loaded so far, latest first, and a button for the next page while there is one. */
export function TimelineList({
  items,
  total,
  loadingMore,
  onLoadMore,
}: {
  items: TimelineItem[];
  total: number;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const format = useFormat();
  const layout = useLayoutStyles();
  const { me } = useServices();
  if (items.length === 0) return <EmptyState>No entries.</EmptyState>;
  return (
    <>
      <ul className={layout.list} aria-label="Timeline entries">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`} className={layout.item}>
            <Text>
              <Badge appearance="outline">{KIND_LABEL[item.kind]}</Badge> {item.title}
            </Text>
            <Caption1>
              {format.dateTime(item.at, me.timeZone)}
              {item.by ? ` · ${item.by.name}` : ""}
              {item.summary ? ` · ${item.summary}` : ""}
            </Caption1>
          </li>
        ))}
      </ul>
      <Caption1>
        {items.length} of {total}
      </Caption1>
      {items.length < total && (
        <Button onClick={onLoadMore} disabled={loadingMore}>
          {loadingMore ? "Loading…" : "Load more"}
        </Button>
      )}
    </>
  );
}
