import { useCallback, useEffect, useRef, useState } from "react";
import { useServices } from "./services-context";
import { type MailItem, itemIdentity } from "../office/mail-item.types";
import { CURRENT_ITEM_KEY, takeArrived } from "./prefetch";
import type { AsyncState } from "./use-async";

type Read = { status: "ready"; key: number; item: MailItem | null } | { status: "error"; key: number; error: Error };

/**
 * The current message, read again whenever a pinned pane moves to another one (ItemChanged).
 * `null` when nothing is selected. `key` changes with every item, so views can reset.
 */
export function useMailItem(): AsyncState<MailItem | null> & { key: number; reload: () => void } {
  const { mailbox } = useServices();
  // The item the pane's start read (taskpane's boot): drawn in the first render, not one effect later.
  const [read, setRead] = useState<Read | null>(() => {
    const arrived = takeArrived<MailItem | null>(mailbox, CURRENT_ITEM_KEY);
    return arrived ? { status: "ready", key: 0, item: arrived.value } : null;
  });
  const changes = useRef(0);
  // Reads the item now, straight from ItemChanged (not one render and effect later); only the latest
  // read counts. The key is the one the shown item was read under: until the next item is read, the
  // views keep the previous one (no spinner for the moment it takes, and a key counted ahead of its
  // item would mount them anew on the old item, each asking the service about it once more).
  const readNow = useCallback(
    (shown?: MailItem | null) => {
      const key = changes.current;
      mailbox.currentItem().then(
        (item) => {
          if (key !== changes.current) return;
          // Read before this view listened (the boot's item): only an item changed meanwhile is news.
          if (shown !== undefined) {
            if (sameItem(item, shown)) return;
            changes.current++;
          }
          setRead({ status: "ready", key: changes.current, item });
        },
        (error: Error) => key === changes.current && setRead({ status: "error", key, error }),
      );
    },
    [mailbox],
  );
  useEffect(() => {
    const stop = mailbox.onItemChanged(() => {
      changes.current++;
      readNow();
    });
    if (read?.status === "ready" && read.key === 0) readNow(read.item);
    else readNow();
    return stop;
  }, [mailbox]);
  const reload = useCallback(() => {
    changes.current++;
    // After a failure, a spinner while it is read again; otherwise the item shown stays meanwhile.
    setRead((shown) => (shown?.status === "error" ? null : shown));
    readNow();
  }, [readNow]);
  if (!read) return { status: "loading", key: changes.current, reload };
  if (read.status === "error") return { status: "error", error: read.error, key: read.key, reload };
  return { status: "ready", data: read.item, key: read.key, reload };
}

function sameItem(a: MailItem | null, b: MailItem | null): boolean {
  if (!a || !b) return a === b;
  return itemIdentity(a) === itemIdentity(b) && a.mode === b.mode;
}
