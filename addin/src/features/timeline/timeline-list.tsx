import { useTranslation } from "react-i18next";
import { Badge, Button, Caption1, Text } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import type { TimelineItem } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";

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
  const { t } = useTranslation("timeline");
  const layout = useLayoutStyles();
  const { me } = useServices();
  if (items.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <>
      <ul className={layout.list} aria-label={t("entries")}>
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`} className={layout.item}>
            <Text>
              <Badge appearance="outline">{t(`kinds.${item.kind}`)}</Badge> {item.title}
            </Text>
            <Caption1>
              {format.dateTime(item.at, me.timeZone)}
              {item.by ? ` · ${item.by.name}` : ""}
              {item.summary ? ` · ${item.summary}` : ""}
            </Caption1>
          </li>
        ))}
      </ul>
      <Caption1>{t("shown", { shown: items.length, total })}</Caption1>
      {items.length < total && (
        <Button onClick={onLoadMore} disabled={loadingMore}>
          {loadingMore ? t("loadingMore") : t("loadMore")}
        </Button>
      )}
    </>
  );
}
