import { useEffect, useState } from "react";
import { useServices } from "./services-context";
import type { MailItem } from "../office/mail-item.types";
import { type AsyncState, useAsync } from "./use-async";

/**
 * The current message, read again whenever a pinned pane moves to another one (ItemChanged).
 * `null` when nothing is selected. `key` changes with every item, so views can reset.
 */
export function useMailItem(): AsyncState<MailItem | null> & { key: number; reload: () => void } {
  const { mailbox } = useServices();
  const [changes, setChanges] = useState(0);
  useEffect(() => mailbox.onItemChanged(() => setChanges((value) => value + 1)), [mailbox]);
  // The key is the one the shown item was read under: until the next item is read, the views keep
  // the previous one (a key counted ahead of its item would mount them anew on the old item, and
  // each would ask the service about it once more for nothing).
  const state = useAsync(async () => ({ key: changes, item: await mailbox.currentItem() }), [mailbox, changes]);
  if (state.status !== "ready") return { ...state, key: changes };
  return { status: "ready", data: state.data.item, key: state.data.key, reload: state.reload };
}
