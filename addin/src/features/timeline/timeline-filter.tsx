import { useTranslation } from "react-i18next";
import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { TIMELINE_KINDS, type TimelineKind } from "contract";

const useStyles = makeStyles({
  kinds: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  period: { display: "flex", gap: tokens.spacingHorizontalS, "& > *": { flex: 1 } },
});

/** Days as the user picks them (YYYY-MM-DD in their zone); empty means open-ended. */
export interface TimelineChoice {
  kinds: TimelineKind[];
  fromDay: string;
  toDay: string;
}

/** Which kinds of entries and which period; no kind ticked shows all. */
export function TimelineFilter({
  value,
  onChange,
}: {
  value: TimelineChoice;
  onChange: (value: TimelineChoice) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation("timeline");
  const toggle = (kind: TimelineKind, on: boolean) =>
    onChange({
      ...value,
      kinds: TIMELINE_KINDS.filter((candidate) => (candidate === kind ? on : value.kinds.includes(candidate))),
    });
  return (
    <div role="group" aria-label={t("filter")}>
      <div className={styles.kinds} role="group" aria-label={t("kindsGroup")}>
        {TIMELINE_KINDS.map((kind) => (
          <Checkbox
            key={kind}
            label={t(`kinds.${kind}`)}
            checked={value.kinds.includes(kind)}
            onChange={(_event, data) => toggle(kind, data.checked === true)}
          />
        ))}
      </div>
      <div className={styles.period}>
        <Field label={t("from")}>
          <Input
            type="date"
            value={value.fromDay}
            onChange={(_event, data) => onChange({ ...value, fromDay: data.value })}
          />
        </Field>
        <Field label={t("to")}>
          <Input
            type="date"
            value={value.toDay}
            onChange={(_event, data) => onChange({ ...value, toDay: data.value })}
          />
        </Field>
      </div>
    </div>
  );
}
