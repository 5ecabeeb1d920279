import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { MAX_SAMPLES_PER_ACTIVITY, type SampleHandOver } from "contract";

/** One row as typed: strings all, the quantity too, until it is sent. */
export interface SampleDraft {
  itemCode: string;
  description: string;
  quantity: string;
  batch: string;
}

export const emptySample = (): SampleDraft => ({ itemCode: "", description: "", quantity: "1", batch: "" });

/**
 * The rows to send: untouched ones left out, the rest as typed, so the service names what is
 * missing (a batch, a quantity) rather than the pane dropping a half-filled row.
 */
export function samplesToSend(rows: SampleDraft[]): SampleHandOver[] {
  return rows
    .filter((row) => row.itemCode.trim() || row.description.trim() || row.batch.trim())
    .map((row) => ({
      itemCode: row.itemCode,
      description: row.description.trim() || null,
      quantity: Number(row.quantity),
      batch: row.batch,
    }));
}

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
  },
  row: {
    display: "grid",
    // Two columns fit a 320 px pane: code and quantity side by side, description and batch below.
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  wide: { gridColumn: "1 / -1" },
});

/** "Samples handed over": a repeatable group of rows in the cold-call and visit-finish forms. */
export function SampleRows({ rows, onChange }: { rows: SampleDraft[]; onChange: (rows: SampleDraft[]) => void }) {
  const styles = useStyles();
  const { t } = useTranslation("samples");
  const change = (index: number, patch: Partial<SampleDraft>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className={styles.group}>
      <Text as="h4" weight="semibold">
        <legend>{t("handedOver")}</legend>
      </Text>
      {rows.map((row, index) => (
        <div key={index} className={styles.row} role="group" aria-label={t("row", { number: index + 1 })}>
          <Field label={t("itemCode")} required>
            <Input value={row.itemCode} onChange={(_event, data) => change(index, { itemCode: data.value })} />
          </Field>
          <Field label={t("quantity")} required>
            <Input
              type="number"
              min={1}
              value={row.quantity}
              onChange={(_event, data) => change(index, { quantity: data.value })}
            />
          </Field>
          <Field label={t("description")} className={styles.wide}>
            <Input value={row.description} onChange={(_event, data) => change(index, { description: data.value })} />
          </Field>
          <Field label={t("batch")} required hint={t("batchHint")}>
            <Input value={row.batch} onChange={(_event, data) => change(index, { batch: data.value })} />
          </Field>
          <Button
            appearance="subtle"
            onClick={() => onChange(rows.filter((_row, at) => at !== index))}
            aria-label={t("removeRow", { number: index + 1 })}
          >
            {t("remove")}
          </Button>
        </div>
      ))}
      {rows.length < MAX_SAMPLES_PER_ACTIVITY && (
        <div>
          <Button onClick={() => onChange([...rows, emptySample()])}>{t("add")}</Button>
        </div>
      )}
    </fieldset>
  );
}
