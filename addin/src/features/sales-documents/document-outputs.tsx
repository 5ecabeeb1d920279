import { useFormat } from "../../i18n";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Quote, SalesOrder } from "contract";
import { errorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { saveFile } from "../../shared/save-file";
import { useServices } from "../../shared/services-context";
import { quoteSummary } from "./quote-summary";

type Entry = { kind: "quote"; document: Quote } | { kind: "order"; document: SalesOrder };

/** Whether the pane is beside a message being written (compose mode), following the selected item. */
function useComposing(): boolean {
  const { mailbox } = useServices();
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    let current = true;
    const check = () =>
      void mailbox.currentItem().then(
        (item) => current && setComposing(item?.mode === "compose"),
        () => current && setComposing(false),
      );
    check();
    const unsubscribe = mailbox.onItemChanged(check);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [mailbox]);
  return composing;
}

/**
 * What a document gives outside the pane: its PDF (saved by the pane: it was fetched with the
 * token, which a plain link cannot carry) and, for an open quote while writing a message, its
 * summary inserted at the cursor. Read mode offers no insert: there is nothing to write into.
 */
export function DocumentOutputs({ entry }: { entry: Entry }) {
  const format = useFormat();
  const layout = useLayoutStyles();
  const { api, mailbox } = useServices();
  const composing = useComposing();
  const [busy, setBusy] = useState<"pdf" | "insert" | null>(null);
  const [outcome, setOutcome] = useState<{ error: unknown } | { done: string } | null>(null);
  const number = `${entry.kind === "quote" ? "Q" : "SO"}-${entry.document.number}`;

  const run = async (step: "pdf" | "insert", action: () => Promise<string | null>) => {
    setBusy(step);
    setOutcome(null);
    try {
      const done = await action();
      setOutcome(done === null ? null : { done });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(null);
    }
  };
  const pdf = () =>
    run("pdf", async () => {
      saveFile(await api.documentPdf(entry.kind, entry.document.id));
      return null;
    });
  const insert = (quote: Quote) =>
    run("insert", async () => {
      const went = await mailbox.insertAtCursor(quoteSummary(quote, format));
      return `${number} is in your message${went === "text" ? " as plain text" : ""}.`;
    });

  return (
    <>
      <div className={layout.buttons}>
        <Button size="small" disabled={busy !== null} onClick={() => void pdf()}>
          {busy === "pdf" ? `Preparing PDF of ${number}…` : `PDF of ${number}`}
        </Button>
        {composing && entry.kind === "quote" && entry.document.status === "OPEN" && (
          <Button size="small" disabled={busy !== null} onClick={() => void insert(entry.document)}>
            Insert {number} into message
          </Button>
        )}
      </div>
      {outcome !== null &&
        ("error" in outcome ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{errorMessage(outcome.error)}</MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{outcome.done}</MessageBarBody>
          </MessageBar>
        ))}
    </>
  );
}
