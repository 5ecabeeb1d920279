import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { Quote, SalesOrder, SpecialPrice } from "../../../../contract";
import { priceDraftLines } from "../../../../contract";
import { useServices } from "../../app/services-context";
import { useLayoutStyles } from "../../shared/layout-styles";
import { type LineDraft, emptyLine, lineFrom, lineInput, withSpecialPrice } from "./draft-lines";
import { formatMoney, todayUtc } from "./money-format";
import { useSubmit } from "./use-submit";

/** A new quote, or an open quote or order being changed. */
export type Editing = { kind: "quote"; document: Quote | null } | { kind: "order"; document: SalesOrder };

const useStyles = makeStyles({
  line: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
  },
  numbers: { display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: tokens.spacingHorizontalS },
});

const HEADER_FIELDS = ["title", "currency", "validUntil", "lines"];

/**
 * Lines with live totals computed by the same code the service prices with; a unit price is
 * prefilled from the customer's special price for the item, and stays the user's to change.
 */
export function SalesDocumentEditor({
  customerId,
  editing,
  prices,
  onSaved,
  onCancel,
}: {
  customerId: string;
  editing: Editing;
  prices: SpecialPrice[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { api } = useServices();
  const { document } = editing;
  // Special prices apply on the document's day: today for a new one, its creation day when changed.
  const day = document ? document.createdAt.slice(0, 10) : todayUtc();
  const [title, setTitle] = useState(document?.title ?? "");
  const [currency, setCurrency] = useState(document?.currency ?? "EUR");
  const [validUntil, setValidUntil] = useState(editing.kind === "quote" ? (editing.document?.validUntil ?? "") : "");
  const [lines, setLines] = useState<LineDraft[]>(() => document?.lines.map(lineFrom) ?? [emptyLine()]);
  const submit = useSubmit((field) => HEADER_FIELDS.includes(field) || /^lines\.\d+\.\w+$/.test(field));
  const errors = submit.fieldErrors;
  const priced = priceDraftLines(lines);

  const change = (key: number, patch: Partial<LineDraft>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const changeItem = (key: number, item: string) =>
    setLines((current) =>
      current.map((line) => (line.key === key ? withSpecialPrice({ ...line, item }, prices, currency, day) : line)),
    );
  const changeCurrency = (next: string) => {
    setCurrency(next);
    setLines((current) => current.map((line) => withSpecialPrice(line, prices, next.trim().toUpperCase(), day)));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const header = { title: title.trim() || null, lines: lines.map(lineInput) };
    const saved = await submit.run(() => {
      if (editing.kind === "order")
        return api.updateOrder(editing.document.id, { ...header, version: editing.document.version });
      const quote = { ...header, validUntil: validUntil || null };
      return editing.document
        ? api.updateQuote(editing.document.id, { ...quote, version: editing.document.version })
        : api.createQuote({ ...quote, customerId, currency });
    });
    if (saved) onSaved();
  };

  const what = editing.kind === "quote" ? "quote" : "order";
  const label = document ? `Edit ${what} ${editing.kind === "quote" ? "Q" : "SO"}-${document.number}` : "New quote";
  return (
    <form className={layout.form} onSubmit={save} aria-label={label}>
      <Text weight="semibold">{label}</Text>
      <Field label="Title" validationMessage={errors.title}>
        <Input value={title} onChange={(_event, data) => setTitle(data.value)} maxLength={255} />
      </Field>
      <Field
        label="Currency"
        validationMessage={errors.currency}
        hint={document ? "Fixed once created" : "ISO 4217, e.g. EUR"}
      >
        <Input
          value={currency}
          disabled={document !== null}
          onChange={(_event, data) => changeCurrency(data.value)}
          maxLength={3}
        />
      </Field>
      {editing.kind === "quote" && (
        <Field label="Valid until" validationMessage={errors.validUntil}>
          <Input type="date" value={validUntil} onChange={(_event, data) => setValidUntil(data.value)} />
        </Field>
      )}
      {lines.map((line, index) => {
        const error = (field: string) => errors[`lines.${index}.${field}`];
        const total = priced.lineTotals[index] ?? null;
        return (
          <fieldset key={line.key} className={styles.line} aria-label={`Line ${index + 1}`}>
            <Field label="Item" required validationMessage={error("item")}>
              <Input value={line.item} onChange={(_event, data) => changeItem(line.key, data.value)} maxLength={80} />
            </Field>
            <Field label="Description" validationMessage={error("description")}>
              <Input
                value={line.description}
                onChange={(_event, data) => change(line.key, { description: data.value })}
              />
            </Field>
            <div className={styles.numbers}>
              <Field label="Quantity" required validationMessage={error("quantity")}>
                <Input
                  value={line.quantity}
                  inputMode="decimal"
                  onChange={(_event, data) => change(line.key, { quantity: data.value })}
                />
              </Field>
              <Field
                label="Unit price"
                validationMessage={error("unitPrice")}
                hint={line.special ? "Special price" : undefined}
              >
                <Input
                  value={line.unitPrice}
                  inputMode="decimal"
                  onChange={(_event, data) => change(line.key, { unitPrice: data.value, special: false })}
                />
              </Field>
              <Field label="Discount %" validationMessage={error("discountPercent")}>
                <Input
                  value={line.discountPercent}
                  inputMode="decimal"
                  placeholder="0"
                  onChange={(_event, data) => change(line.key, { discountPercent: data.value })}
                />
              </Field>
            </div>
            <div className={layout.buttons}>
              <Caption1 aria-label={`Line ${index + 1} total`}>
                Line total {total === null ? "–" : formatMoney(total, currency)}
              </Caption1>
              {lines.length > 1 && (
                <Button size="small" onClick={() => setLines(lines.filter((other) => other.key !== line.key))}>
                  Remove line {index + 1}
                </Button>
              )}
            </div>
          </fieldset>
        );
      })}
      <div className={layout.buttons}>
        <Button onClick={() => setLines([...lines, emptyLine()])} disabled={lines.length >= 200}>
          Add line
        </Button>
      </div>
      {errors.lines && <Text role="alert">{errors.lines}</Text>}
      <Text aria-label="Totals" role="status">
        Subtotal {formatMoney(priced.totals.subtotal, currency)} · Discount{" "}
        {formatMoney(priced.totals.discount, currency)} · Total {formatMoney(priced.totals.total, currency)}
      </Text>
      {submit.message && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{submit.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.buttons}>
        <Button appearance="primary" type="submit" disabled={submit.saving}>
          {submit.saving ? "Saving…" : document ? `Save ${what}` : "Create quote"}
        </Button>
        <Button onClick={onCancel}>Back</Button>
      </div>
    </form>
  );
}
