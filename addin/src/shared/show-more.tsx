import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "./state-views";

/** How many rows a list fetches at a time: the first page, and each "Show more". */
export const PAGE_SIZE = 25;

/**
 * A list's first page and the pages after it, fetched one "Show more" at a time. A new first page
 * (another query, or the same one run again) starts again from it.
 */
export function useShowMore<T>(
  first: { items: T[]; total: number },
  fetchMore: (offset: number) => Promise<{ items: T[] }>,
) {
  const [more, setMore] = useState<{ items: T[]; busy: boolean; error: unknown }>({
    items: [],
    busy: false,
    error: null,
  });
  const [shownFirst, setShownFirst] = useState(first);
  if (shownFirst !== first) {
    setShownFirst(first);
    setMore({ items: [], busy: false, error: null });
  }
  const items = [...first.items, ...(shownFirst === first ? more.items : [])];
  const showMore = async () => {
    setMore({ ...more, busy: true, error: null });
    try {
      const next = await fetchMore(items.length);
      setMore({ items: [...more.items, ...next.items], busy: false, error: null });
    } catch (error) {
      setMore({ ...more, busy: false, error });
    }
  };
  return {
    items,
    total: first.total,
    remaining: Math.max(0, first.total - items.length),
    busy: more.busy,
    error: more.error,
    showMore,
  };
}

/** "Show more (12 left)" under a list while the service has more, and why it failed if it did. */
export function ShowMore({ list }: { list: ReturnType<typeof useShowMore<unknown>> }) {
  const { t } = useTranslation("common");
  return (
    <>
      {list.error !== null && <ErrorState error={list.error} onRetry={() => void list.showMore()} />}
      {list.remaining > 0 && (
        <Button disabled={list.busy} onClick={() => void list.showMore()}>
          {list.busy ? t("loadingMore") : t("showMore", { count: list.remaining })}
        </Button>
      )}
    </>
  );
}
