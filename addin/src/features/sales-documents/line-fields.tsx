import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n";
import { useLayoutStyles } from "../../shared/layout-styles";
import type { LineDraft } from "./draft-lines";

const useStyles = makeStyles({
  line: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    // A fieldset is at least as wide as its content unless told otherwise.
    minWidth: 0,
  },
  // Three numbers a row where they fit, two (or one) in a narrow pane.
  numbers: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(6rem, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

/** One line of a quote or order: what, how many, at what price, and its total as the service will compute it. */
export function LineFields({
  line,
  number,
  total,
  codeHint,
  currency,
  errors,
  onChange,
  onItem,
  onRemove,
}: {
  line: LineDraft;
  number: number;
  /** null while the line is not complete or not valid. */
  total: string | null;
  /** Our code or the customer's: which one the item field holds, and the other. */
  codeHint?: string;
  currency: string;
  /** The service's message for a field of this line ("unitPrice"), if any. */
  errors: (field: string) => string | undefined;
  onChange: (patch: Partial<LineDraft>) => void;
  /** A new item may bring its special price. */
  onItem: (item: string) => void;
  onRemove: (() => void) | null;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation("salesDocuments", { keyPrefix: "line" });
  const format = useFormat();
  return (
    <fieldset className={styles.line} aria-label={t("label", { number })}>
      <Field label={t("item")} required validationMessage={errors("item")} hint={codeHint}>
        <Input value={line.item} onChange={(_event, data) => onItem(data.value)} maxLength={80} />
      </Field>
      <Field label={t("description")} validationMessage={errors("description")}>
        <Input value={line.description} onChange={(_event, data) => onChange({ description: data.value })} />
      </Field>
      <div className={styles.numbers}>
        <Field label={t("quantity")} required validationMessage={errors("quantity")}>
          <Input
            value={line.quantity}
            inputMode="decimal"
            onChange={(_event, data) => onChange({ quantity: data.value })}
          />
        </Field>
        <Field
          label={t("unitPrice")}
          validationMessage={errors("unitPrice")}
          hint={line.special ? t("specialPrice") : undefined}
        >
          <Input
            value={line.unitPrice}
            inputMode="decimal"
            onChange={(_event, data) => onChange({ unitPrice: data.value, special: false })}
          />
        </Field>
        <Field label={t("discount")} validationMessage={errors("discountPercent")}>
          <Input
            value={line.discountPercent}
            inputMode="decimal"
            placeholder="0"
            onChange={(_event, data) => onChange({ discountPercent: data.value })}
          />
        </Field>
      </div>
      <div className={layout.buttons}>
        <Caption1>{t("total", { total: total === null ? "–" : format.money(total, currency) })}</Caption1>
        {onRemove && (
          <Button size="small" onClick={onRemove}>
            {t("remove", { number })}
          </Button>
        )}
      </div>
    </fieldset>
  );
}
