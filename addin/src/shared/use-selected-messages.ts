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
        // The same messages as before (a click in the list selects one, and ItemChanged says so too):
        // the state stays, and the views under it are not drawn again for nothing.
        .then((messages) => live && setSelection((shown) => (sameMessages(shown, messages) ? shown : messages)))
        .catch(() => live && setSelection((shown) => (shown.length === 0 ? shown : [])));
    read();
    const stop = mailbox.onSelectionChanged?.(read);
    return () => {
      live = false;
      stop?.();
    };
  }, [mailbox]);
  return selection;
}

function sameMessages(a: SelectedMessage[], b: SelectedMessage[]): boolean {
  return a.length === b.length && a.every((message, index) => message.restId === b[index]!.restId);
}
