import { Badge, Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import { useState } from "react";
import type { Quote, SalesOrder } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { errorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { DocumentOutputs } from "./document-outputs";
import type { Editing } from "./sales-document-editor";

const STATUS_COLOR = {
  OPEN: "brand",
  CONVERTED: "success",
  CLOSED: "success",
  CANCELLED: "subtle",
} as const;

type Entry = { kind: "quote"; document: Quote } | { kind: "order"; document: SalesOrder };

/** The customer's quotes and orders, newest first, with what can still be done to the open ones. */
export function DocumentList({
  quotes,
  orders,
  canChange,
  salesmen,
  onEdit,
  onChanged,
}: {
  quotes: Quote[];
  orders: SalesOrder[];
  /** The customer's salesmen: they, a document's creator, managers and admins change it. */
  salesmen: readonly { id: string }[];
  /** False for a customer that may not receive quotes or orders: nothing is offered but closing and cancelling. */
  canChange: boolean;
  onEdit: (editing: Editing) => void;
  onChanged: () => void;
}) {
  const format = useFormat();
  const layout = useLayoutStyles();
  const { api, me } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Closing and cancelling wait for a second click: neither document can ever change again. */
  const [confirming, setConfirming] = useState<{ id: string; step: "close" | "cancel" } | null>(null);
  const entries: Entry[] = [
    ...quotes.map((document) => ({ kind: "quote" as const, document })),
    ...orders.map((document) => ({ kind: "order" as const, document })),
  ].sort((a, b) => b.document.createdAt.localeCompare(a.document.createdAt));

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setConfirming(null);
    try {
      await action();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const cancel = (entry: Entry) =>
    act(() =>
      entry.kind === "quote"
        ? api.updateQuote(entry.document.id, { version: entry.document.version, status: "CANCELLED" })
        : api.updateOrder(entry.document.id, { version: entry.document.version, status: "CANCELLED" }),
    );
  const mayChangeDocument = (entry: Entry) =>
    may(me, entry.kind === "quote" ? "quotes:change" : "orders:change", {
      ownerId: entry.document.createdBy.id,
      salesmen,
    });
  const close = (order: SalesOrder) =>
    act(() => api.updateOrder(order.id, { version: order.version, status: "CLOSED" }));

  return (
    <>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {entries.length === 0 ? (
        <EmptyState>No quotes or orders.</EmptyState>
      ) : (
        <ul className={layout.list} aria-label="Quotes and orders">
          {entries.map((entry) => {
            const { document } = entry;
            const number = `${entry.kind === "quote" ? "Q" : "SO"}-${document.number}`;
            return (
              <li key={document.id} className={layout.item} aria-label={number}>
                <Text>
                  {number} {document.title ?? (entry.kind === "quote" ? "Quote" : "Order")}{" "}
                  <Badge appearance="tint" color={STATUS_COLOR[document.status]}>
                    {document.status.toLowerCase()}
                  </Badge>
                </Text>
                <Caption1>
                  {format.money(document.totals.total, document.currency)} ·{" "}
                  {format.date(document.createdAt, me.timeZone)}
                  {entry.kind === "quote" && entry.document.validUntil
                    ? ` · valid until ${entry.document.validUntil}`
                    : ""}
                </Caption1>
                <DocumentOutputs entry={entry} />
                {document.status === "OPEN" && mayChangeDocument(entry) && (
                  <div className={layout.buttons}>
                    {canChange && (
                      <Button size="small" disabled={busy} onClick={() => onEdit(entry)}>
                        Edit {number}
                      </Button>
                    )}
                    {canChange && entry.kind === "quote" && (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => act(() => api.convertQuote(document.id, document.version))}
                      >
                        Convert {number} to order
                      </Button>
                    )}
                    {entry.kind === "order" && (
                      <TwoStepButton
                        label={`Close ${number}`}
                        confirmLabel={`Confirm: close ${number}`}
                        keepLabel={`Keep ${number} open`}
                        asking={confirming?.id === document.id && confirming.step === "close"}
                        busy={busy}
                        onAsk={() => setConfirming({ id: document.id, step: "close" })}
                        onConfirm={() => close(entry.document)}
                        onKeep={() => setConfirming(null)}
                      />
                    )}
                    <TwoStepButton
                      label={`Cancel ${number}`}
                      confirmLabel={`Confirm: cancel ${number}`}
                      keepLabel={`Keep ${number}`}
                      asking={confirming?.id === document.id && confirming.step === "cancel"}
                      busy={busy}
                      onAsk={() => setConfirming({ id: document.id, step: "cancel" })}
                      onConfirm={() => cancel(entry)}
                      onKeep={() => setConfirming(null)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** A final step (close, cancel) that asks once more in place instead of a dialog the narrow pane would hide. */
function TwoStepButton(props: {
  label: string;
  confirmLabel: string;
  keepLabel: string;
  asking: boolean;
  busy: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  if (!props.asking)
    return (
      <Button size="small" disabled={props.busy} onClick={props.onAsk}>
        {props.label}
      </Button>
    );
  return (
    <>
      <Button size="small" appearance="primary" disabled={props.busy} onClick={props.onConfirm}>
        {props.confirmLabel}
      </Button>
      <Button size="small" onClick={props.onKeep}>
        {props.keepLabel}
      </Button>
    </>
  );
}
