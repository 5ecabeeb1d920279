import { Badge, Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Quote, SalesOrder } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { DocumentOutputs } from "./document-outputs";
import type { Editing } from "./sales-document-editor";
import { useFormat } from "../../i18n";
import { LoanerReturnForm, LoanerSummary } from "../loaners";

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
  const layout = useLayoutStyles();
  const { t } = useTranslation("salesDocuments");
  const { t: tl } = useTranslation("loaners");
  const { t: tItems } = useTranslation("items");
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { api, me } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Closing and cancelling wait for a second click: neither document can ever change again. */
  const [confirming, setConfirming] = useState<{ id: string; step: "close" | "cancel" } | null>(null);
  /** The loaner whose return is being entered, in place of its buttons. */
  const [returning, setReturning] = useState<string | null>(null);
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
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className={layout.list} aria-label={t("heading")}>
          {entries.map((entry) => {
            const { document } = entry;
            const number = `${entry.kind === "quote" ? "Q" : "SO"}-${document.number}`;
            return (
              <li key={document.id} className={layout.item} aria-label={number}>
                <Text>
                  {number} {document.title ?? t(`kinds.${entry.kind}`)}{" "}
                  <Badge appearance="tint" color={STATUS_COLOR[document.status]}>
                    {t(`status.${document.status}`)}
                  </Badge>
                </Text>
                <Caption1>
                  {format.money(document.totals.total, document.currency)} ·{" "}
                  {format.date(document.createdAt, me.timeZone)}
                  {entry.kind === "quote" && entry.document.validUntil
                    ? ` · ${t("validUntil", { day: format.day(entry.document.validUntil, "medium") })}`
                    : ""}
                </Caption1>
                {entry.kind === "order" && <LoanerSummary order={entry.document} />}
                {/* Both codes, so a call about "their 44017" finds our PUMP-200 on the order. */}
                <Caption1 aria-label={tItems("linesOf", { number })}>
                  {document.lines
                    .map((line) =>
                      line.customerItem ? tItems("lineCodes", { item: line.item, code: line.customerItem }) : line.item,
                    )
                    .join(", ")}
                </Caption1>
                <DocumentOutputs entry={entry} />
                {entry.kind === "order" && returning === document.id && (
                  <LoanerReturnForm
                    order={entry.document}
                    onReturned={() => {
                      setReturning(null);
                      onChanged();
                    }}
                    onCancel={() => setReturning(null)}
                  />
                )}
                {document.status === "OPEN" && mayChangeDocument(entry) && returning !== document.id && (
                  <div className={layout.buttons}>
                    {canChange && (
                      <Button size="small" disabled={busy} onClick={() => onEdit(entry)}>
                        {t("edit", { number })}
                      </Button>
                    )}
                    {canChange && entry.kind === "quote" && (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => act(() => api.convertQuote(document.id, document.version))}
                      >
                        {t("convert", { number })}
                      </Button>
                    )}
                    {/* A loaner is closed by its return (when, by whom), never by a plain close. */}
                    {entry.kind === "order" && entry.document.type === "LOANER" && (
                      <Button size="small" disabled={busy} onClick={() => setReturning(document.id)}>
                        {tl("returnButton", { number })}
                      </Button>
                    )}
                    {entry.kind === "order" && entry.document.type !== "LOANER" && (
                      <TwoStepButton
                        label={t("close", { number })}
                        confirmLabel={t("confirmClose", { number })}
                        keepLabel={t("keepOpen", { number })}
                        asking={confirming?.id === document.id && confirming.step === "close"}
                        busy={busy}
                        onAsk={() => setConfirming({ id: document.id, step: "close" })}
                        onConfirm={() => close(entry.document)}
                        onKeep={() => setConfirming(null)}
                      />
                    )}
                    <TwoStepButton
                      label={t("cancel", { number })}
                      confirmLabel={t("confirmCancel", { number })}
                      keepLabel={t("keep", { number })}
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
