import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Activity, CustomerRecord } from "contract";
import { dayInZone } from "contract/zoned-time";
import { formatInZone, isoToZoned } from "../../shared/zoned-time";

const useStyles = makeStyles({
  pulse: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: "flex", gap: tokens.spacingHorizontalXS, minWidth: 0, alignItems: "baseline" },
  term: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  // One line each, whatever the subject's length: the whole of it in the tooltip.
  value: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const KIND: Record<Activity["type"], string> = {
  CALL: "Call",
  VISIT: "Visit",
  MEETING: "Meeting",
  TASK: "Task",
  EMAIL: "E-mail",
  OTHER: "Activity",
};

const DAY = 86_400_000;

/**
 * "yesterday, 10:15", "today, 10:15", "tomorrow, 09:00", "3 days ago", "in 5 days" within a week
 * in the user's zone; the date beyond that.
 */
export function relativeDay(iso: string, timeZone: string, now = new Date()): string {
  const days = Math.round(
    (Date.parse(dayInZone(new Date(iso), timeZone)) - Date.parse(dayInZone(now, timeZone))) / DAY,
  );
  if (Math.abs(days) > 6) return formatInZone(iso, timeZone, false);
  const words = new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(days, "day");
  return Math.abs(days) <= 1 ? `${words}, ${isoToZoned(iso, timeZone).time}` : words;
}

/** The customer's last interaction and next planned step, the two things asked first on a call. */
export function RecordPulse({ record, timeZone }: { record: CustomerRecord; timeZone: string }) {
  const styles = useStyles();
  const last = record.activities.history.find((activity) => activity.status === "FINISHED");
  const next = record.activities.future[0];
  const withWhom = (activity: Activity) => {
    const contact = record.contacts.find((candidate) => candidate.id === activity.contactId);
    return `${KIND[activity.type]}${contact ? ` with ${contact.firstName}` : ""}`;
  };
  const overdue = next !== undefined && Date.parse(next.startsAt) < Date.now();
  return (
    <div className={styles.pulse} aria-label="Last and next">
      <div className={styles.line}>
        <Caption1 className={styles.term}>Last</Caption1>
        <Text className={styles.value} title={last ? last.subject : undefined} data-testid="last-interaction">
          {last ? `${withWhom(last)}, ${relativeDay(last.startsAt, timeZone)}` : "No interaction yet"}
        </Text>
      </div>
      <div className={styles.line}>
        <Caption1 className={styles.term}>Next</Caption1>
        <Text className={styles.value} title={next ? next.subject : undefined} data-testid="next-step">
          {next ? (
            <>
              {overdue && <span className={styles.overdue}>Overdue: </span>}
              {`${withWhom(next)}, ${relativeDay(next.startsAt, timeZone)} · ${next.subject}`}
            </>
          ) : (
            "Nothing planned"
          )}
        </Text>
      </div>
    </div>
  );
}
