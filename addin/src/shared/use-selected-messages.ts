import { useEffect, useState } from "react";
import type { SelectedMessage } from "../office/mail-item.types";
import { useServices } from "./services-context";

/**
 * The messages selected in Outlook's list, read again whenever the selection changes
 * (SelectedItemsChanged, Mailbox 1.13). Empty where the host cannot tell or reading it failed:
 * the pane then works on the one item it shows.
 */
export function useSelectedMessages(): SelectedMessage[] {
  const { mailbox } = useServices();
  const [selection, setSelection] = useState<SelectedMessage[]>([]);
  useEffect(() => {
    if (!mailbox.selectedMessages) return;
    let live = true;
    const read = () =>
      void mailbox.selectedMessages!()
        .then((messages) => live && setSelection(messages))
        .catch(() => live && setSelection([]));
    read();
    const stop = mailbox.onSelectionChanged?.(read);
    return () => {
      live = false;
      stop?.();
    };
  }, [mailbox]);
  return selection;
}
