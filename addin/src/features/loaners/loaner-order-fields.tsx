import { Field, Input, Select } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { OrderType } from "contract";

/**
 * The order editor's loaner part: the type (a new order only; it never changes after) and, for a
 * loaner, its due-back date.
 */
export function LoanerOrderFields({
  type,
  dueBackOn,
  typeFixed,
  errors,
  onType,
  onDueBackOn,
}: {
  type: OrderType;
  dueBackOn: string;
  typeFixed: boolean;
  errors: { type?: string; dueBackOn?: string };
  onType: (type: OrderType) => void;
  onDueBackOn: (day: string) => void;
}) {
  const { t } = useTranslation("loaners");
  return (
    <>
      {!typeFixed && (
        <Field label={t("type")} validationMessage={errors.type}>
          <Select value={type} onChange={(_event, data) => onType(data.value as OrderType)}>
            <option value="STANDARD">{t("types.STANDARD")}</option>
            <option value="LOANER">{t("types.LOANER")}</option>
          </Select>
        </Field>
      )}
      {type === "LOANER" && (
        <Field label={t("dueBackOn")} hint={t("dueBackHint")} validationMessage={errors.dueBackOn} required>
          <Input type="date" value={dueBackOn} onChange={(_event, data) => onDueBackOn(data.value)} />
        </Field>
      )}
    </>
  );
}
