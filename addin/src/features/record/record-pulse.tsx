import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Activity, CustomerRecord } from "contract";
import { dayInZone } from "contract/zoned-time";
import { useTranslation } from "react-i18next";
import { type Format, useFormat } from "../../i18n";
import { isoToZoned } from "../../shared/zoned-time";

const useStyles = makeStyles({
  pulse: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: "flex", gap: tokens.spacingHorizontalXS, minWidth: 0, alignItems: "baseline" },
  term: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  // One line each, whatever the subject's length: the whole of it in the tooltip.
  value: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const DAY = 86_400_000;

/**
 * "yesterday, 10:15", "today, 10:15", "tomorrow, 09:00", "3 days ago", "in 5 days" within a week
 * in the user's zone ("gestern, 10:15", "vor 3 Tagen" in German); the date beyond that.
 */
export function relativeDay(
  iso: string,
  timeZone: string,
  format: Format,
  dayAndTime: (day: string, time: string) => string,
  now = new Date(),
): string {
  const days = Math.round(
    (Date.parse(dayInZone(new Date(iso), timeZone)) - Date.parse(dayInZone(now, timeZone))) / DAY,
  );
  if (Math.abs(days) > 6) return format.date(iso, timeZone);
  const words = format.relativeDays(days);
  return Math.abs(days) <= 1 ? dayAndTime(words, isoToZoned(iso, timeZone).time) : words;
}

/** The customer's last interaction and next planned step, the two things asked first on a call. */
export function RecordPulse({ record, timeZone }: { record: CustomerRecord; timeZone: string }) {
  const styles = useStyles();
  const { t } = useTranslation("record", { keyPrefix: "pulse" });
  const format = useFormat();
  const when = (iso: string) => relativeDay(iso, timeZone, format, (day, time) => t("dayAndTime", { day, time }));
  const last = record.activities.history.find((activity) => activity.status === "FINISHED");
  const next = record.activities.future[0];
  const withWhom = (activity: Activity) => {
    const contact = record.contacts.find((candidate) => candidate.id === activity.contactId);
    const kind = t(`kinds.${activity.type}`);
    return contact ? t("withWhom", { kind, name: contact.firstName }) : kind;
  };
  const overdue = next !== undefined && Date.parse(next.startsAt) < Date.now();
  return (
    <div className={styles.pulse} aria-label={t("label")}>
      <div className={styles.line}>
        <Caption1 className={styles.term}>{t("last")}</Caption1>
        <Text className={styles.value} title={last ? last.subject : undefined} data-testid="last-interaction">
          {last ? `${withWhom(last)}, ${when(last.startsAt)}` : t("noInteraction")}
        </Text>
      </div>
      <div className={styles.line}>
        <Caption1 className={styles.term}>{t("next")}</Caption1>
        <Text className={styles.value} title={next ? next.subject : undefined} data-testid="next-step">
          {next ? (
            <>
              {overdue && <span className={styles.overdue}>{t("overdue")}</span>}
              {`${withWhom(next)}, ${when(next.startsAt)} · ${next.subject}`}
            </>
          ) : (
            t("nothingPlanned")
          )}
        </Text>
      </div>
    </div>
  );
}
