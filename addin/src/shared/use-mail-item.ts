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
  const [key, setKey] = useState(0);
  useEffect(() => mailbox.onItemChanged(() => setKey((value) => value + 1)), [mailbox]);
  const state = useAsync(() => mailbox.currentItem(), [mailbox, key]);
  return { ...state, key };
}
