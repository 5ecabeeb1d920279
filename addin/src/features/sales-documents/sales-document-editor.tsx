import { Button, Field, Input, Text } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CrossReference, OrderType, Quote, SalesOrder, SpecialPrice } from "contract";
import { priceDraftLines } from "contract";
import { useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useFormSave } from "../../shared/use-form-save";
import { type LineDraft, emptyLine, lineFrom, lineInput, withSpecialPrice } from "./draft-lines";
import { LineFields } from "./line-fields";
import { LoanerOrderFields } from "../loaners";
import { todayUtc } from "./today";

/** A new quote or order (document null), or an open one being changed. */
export type Editing = { kind: "quote"; document: Quote | null } | { kind: "order"; document: SalesOrder | null };

const HEADER_FIELDS = ["title", "currency", "validUntil", "lines", "type", "dueBackOn"];

/**
 * Lines with live totals computed by the same code the service prices with; a unit price is
 * prefilled from the customer's special price for the item, and stays the user's to change.
 */
export function SalesDocumentEditor({
  customerId,
  editing,
  prices,
  references,
  onSaved,
  onCancel,
}: {
  customerId: string;
  editing: Editing;
  prices: SpecialPrice[];
  /** The customer's own item codes: a line may be typed with one. */
  references: CrossReference[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("salesDocuments", { keyPrefix: "editor" });
  const { t: tItems } = useTranslation("items");
  const format = useFormat();
  const { api } = useServices();
  const { document } = editing;
  // Special prices apply on the document's day: today for a new one, its creation day when changed.
  const day = document ? document.createdAt.slice(0, 10) : todayUtc();
  const [title, setTitle] = useState(document?.title ?? "");
  const [currency, setCurrency] = useState(document?.currency ?? "EUR");
  const [validUntil, setValidUntil] = useState(editing.kind === "quote" ? (editing.document?.validUntil ?? "") : "");
  const [lines, setLines] = useState<LineDraft[]>(() => document?.lines.map(lineFrom) ?? [emptyLine()]);
  const order = editing.kind === "order" ? editing.document : null;
  const [type, setType] = useState<OrderType>(order?.type ?? "STANDARD");
  const [dueBackOn, setDueBackOn] = useState(order?.dueBackOn ?? "");
  const submit = useFormSave((path) =>
    HEADER_FIELDS.includes(path) || /^lines\.\d+\.\w+$/.test(path) ? path : undefined,
  );
  const errors = submit.fieldErrors;
  const priced = priceDraftLines(lines);

  const theirs = (code: string) => references.find((reference) => reference.customerCode === code.trim());
  const ourCode = (code: string) => theirs(code)?.item ?? code;
  /** Which code is which, under the item field. */
  const codeHint = (line: LineDraft) => {
    const reference = theirs(line.item);
    if (reference) return tItems("isTheirs", { item: reference.item });
    return line.customerItem ? tItems("theirCode", { code: line.customerItem }) : undefined;
  };
  const change = (key: number, patch: Partial<LineDraft>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const changeItem = (key: number, item: string) =>
    setLines((current) =>
      current.map((line) =>
        line.key === key
          ? withSpecialPrice({ ...line, item, customerItem: null }, prices, currency, day, ourCode)
          : line,
      ),
    );
  const changeCurrency = (next: string) => {
    setCurrency(next);
    setLines((current) =>
      current.map((line) => withSpecialPrice(line, prices, next.trim().toUpperCase(), day, ourCode)),
    );
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const header = { title: title.trim() || null, lines: lines.map(lineInput) };
    // A loaner's due-back date goes with it; an empty one is sent as missing, for the service to name.
    const loaner = type === "LOANER" && dueBackOn ? { dueBackOn } : {};
    const saved = await submit.run(() => {
      if (editing.kind === "order")
        return editing.document
          ? api.updateOrder(editing.document.id, { ...header, ...loaner, version: editing.document.version })
          : api.createOrder({ ...header, ...loaner, type, customerId, currency });
      const quote = { ...header, validUntil: validUntil || null };
      return editing.document
        ? api.updateQuote(editing.document.id, { ...quote, version: editing.document.version })
        : api.createQuote({ ...quote, customerId, currency });
    });
    if (saved) onSaved();
  };

  const quote = editing.kind === "quote";
  const label = document
    ? t(quote ? "editQuote" : "editOrder", { number: `${quote ? "Q" : "SO"}-${document.number}` })
    : t(quote ? "newQuote" : "newOrder");
  return (
    <form className={layout.form} onSubmit={save} aria-label={label}>
      <Text weight="semibold">{label}</Text>
      <Field label={t("title")} validationMessage={errors.title}>
        <Input value={title} onChange={(_event, data) => setTitle(data.value)} maxLength={255} />
      </Field>
      <Field
        label={t("currency")}
        validationMessage={errors.currency}
        hint={document ? t("currencyFixed") : t("currencyHint")}
      >
        <Input
          value={currency}
          disabled={document !== null}
          onChange={(_event, data) => changeCurrency(data.value)}
          maxLength={3}
        />
      </Field>
      {editing.kind === "quote" && (
        <Field label={t("validUntil")} validationMessage={errors.validUntil}>
          <Input type="date" value={validUntil} onChange={(_event, data) => setValidUntil(data.value)} />
        </Field>
      )}
      {editing.kind === "order" && (
        <LoanerOrderFields
          type={type}
          dueBackOn={dueBackOn}
          typeFixed={document !== null}
          errors={errors}
          onType={setType}
          onDueBackOn={setDueBackOn}
        />
      )}
      {lines.map((line, index) => (
        <LineFields
          key={line.key}
          line={line}
          number={index + 1}
          total={priced.lineTotals[index] ?? null}
          codeHint={codeHint(line)}
          currency={currency}
          errors={(field) => errors[`lines.${index}.${field}`]}
          onChange={(patch) => change(line.key, patch)}
          onItem={(item) => changeItem(line.key, item)}
          onRemove={lines.length > 1 ? () => setLines(lines.filter((other) => other.key !== line.key)) : null}
        />
      ))}
      <div className={layout.buttons}>
        <Button onClick={() => setLines([...lines, emptyLine()])} disabled={lines.length >= 200}>
          {t("addLine")}
        </Button>
      </div>
      {errors.lines && <Text role="alert">{errors.lines}</Text>}
      <Text aria-label={t("totalsLabel")} role="status">
        {t("totals", {
          subtotal: format.money(priced.totals.subtotal, currency),
          discount: format.money(priced.totals.discount, currency),
          total: format.money(priced.totals.total, currency),
        })}
      </Text>
      <FormFooter
        message={submit.message}
        saving={submit.saving}
        submitLabel={t(document ? (quote ? "saveQuote" : "saveOrder") : quote ? "createQuote" : "createOrder")}
        onCancel={onCancel}
        cancelLabel={t("back")}
      />
    </form>
  );
}
