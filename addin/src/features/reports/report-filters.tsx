import { Checkbox, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { CustomerStatusList, CustomerTypeList, UserList } from "contract";
import type { ReportFilter, ReportKind } from "../../api/report-calls";
import type { z } from "zod";

const useStyles = makeStyles({
  // Checkboxes rather than drop-downs: every filter visible at once in a narrow pane, as in the search.
  group: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    "& legend": { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  },
  period: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface FilterChoices {
  types: z.output<typeof CustomerTypeList>["items"];
  statuses: z.output<typeof CustomerStatusList>["items"];
  users: z.output<typeof UserList>["items"];
}

const SALESMAN_LABEL = {
  customers: "salesmanOfCustomer",
  quotes: "salesmanOfCustomer",
  activities: "owner",
  summary: "salesman",
} as const satisfies Record<ReportKind, string>;

/** Type, status, salesman (or "mine") and period; the period is required for the activity reports. */
export function ReportFilters({
  kind,
  value,
  onChange,
  choices,
  periodRequired,
}: {
  kind: ReportKind;
  value: ReportFilter;
  onChange: (next: ReportFilter) => void;
  choices: FilterChoices;
  periodRequired: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation("reports", { keyPrefix: "filters" });
  const set = (patch: Partial<ReportFilter>) => onChange({ ...value, ...patch });
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  return (
    <>
      <fieldset className={styles.group}>
        <legend>{t("types")}</legend>
        {choices.types.map((type) => (
          <Checkbox
            key={type.id}
            label={type.name}
            checked={value.types.includes(type.name)}
            onChange={(_event, data) => set({ types: toggle(value.types, type.name, data.checked === true) })}
          />
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t("statuses")}</legend>
        {choices.statuses.map((status) => (
          <Checkbox
            key={status.code}
            label={`${status.code} · ${status.label}`}
            checked={value.statuses.includes(status.code)}
            onChange={(_event, data) => set({ statuses: toggle(value.statuses, status.code, data.checked === true) })}
          />
        ))}
      </fieldset>
      <Field label={t(SALESMAN_LABEL[kind])}>
        <Select value={value.salesman} onChange={(_event, data) => set({ salesman: data.value })}>
          <option value="">{t("anyone")}</option>
          <option value="me">{t("mine")}</option>
          {choices.users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.period}>
        <Field label={t("from")} required={periodRequired}>
          <Input type="date" value={value.from} onChange={(_event, data) => set({ from: data.value })} />
        </Field>
        <Field label={t("to")} required={periodRequired}>
          <Input type="date" value={value.to} onChange={(_event, data) => set({ to: data.value })} />
        </Field>
      </div>
      {kind === "customers" && (
        <Field label={t("periodOf")}>
          <RadioGroup
            layout="horizontal"
            value={value.periodOf ?? "created"}
            onChange={(_event, data) => set({ periodOf: data.value as "created" | "lastActivity" })}
          >
            <Radio value="created" label={t("created")} />
            <Radio value="lastActivity" label={t("lastActivity")} />
          </RadioGroup>
        </Field>
      )}
      {kind === "summary" && (
        <Field label={t("per")}>
          <RadioGroup
            layout="horizontal"
            value={value.groupBy ?? "month"}
            onChange={(_event, data) => set({ groupBy: data.value as "month" | "week" })}
          >
            <Radio value="month" label={t("month")} />
            <Radio value="week" label={t("week")} />
          </RadioGroup>
        </Field>
      )}
    </>
  );
}
