import { useEffect, useRef, useState } from "react";
import type { TimelineItem } from "contract";
import type { TimelineFilter } from "../../api/crm-api";
import { useServices } from "../../shared/services-context";

export const PAGE_SIZE = 20;

export type TimelineState =
  | { status: "loading" }
  | { status: "error"; error: Error }
  | { status: "ready"; items: TimelineItem[]; total: number; loadingMore: boolean };

/**
 * The timeline under a filter, page by page: a new filter starts again at the newest entry, "load more"
 * appends the next page. An answer for an older filter is dropped.
 */
export function useTimeline(customerId: string, filter: Omit<TimelineFilter, "limit" | "offset">) {
  const { api } = useServices();
  const [state, setState] = useState<TimelineState>({ status: "loading" });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(filter);

  useEffect(() => {
    const run = ++latest.current;
    setState({ status: "loading" });
    api.timeline(customerId, { ...filter, limit: PAGE_SIZE, offset: 0 }).then(
      (page) =>
        run === latest.current &&
        setState({ status: "ready", items: page.items, total: page.total, loadingMore: false }),
      (error: Error) => run === latest.current && setState({ status: "error", error }),
    );
    // `key` stands for the filter's content; the object itself is new on every render.
  }, [api, customerId, key, round]);

  const loadMore = () => {
    if (state.status !== "ready" || state.loadingMore) return;
    const run = latest.current;
    setState({ ...state, loadingMore: true });
    api.timeline(customerId, { ...filter, limit: PAGE_SIZE, offset: state.items.length }).then(
      (page) =>
        run === latest.current &&
        setState({ status: "ready", items: [...state.items, ...page.items], total: page.total, loadingMore: false }),
      (error: Error) => run === latest.current && setState({ status: "error", error }),
    );
  };
  return { state, loadMore, reload: () => setRound((value) => value + 1) };
}
