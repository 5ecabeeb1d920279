import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Activity, ActivitySeries } from "contract";
import { useServices } from "../../shared/services-context";
import { errorMessage } from "../../shared/error-message";
import { useAsync } from "../../shared/use-async";
import { formatInZone } from "../../shared/zoned-time";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * How far the series goes, as its rule says: the service keeps occurrences as activities only up to
 * the sync window's end (materialisedUntil), so counting those would tell a six-month series as five.
 */
function seriesExtent(series: ActivitySeries, timeZone: string): string {
  const { range } = series.recurrence;
  const extent =
    range.type === "numbered"
      ? `${range.numberOfOccurrences} occurrences`
      : range.type === "endDate"
        ? `Until ${formatInZone(`${range.endDate}T12:00:00Z`, timeZone, false)}`
        : "No end date";
  const later = range.type === "numbered" ? range.numberOfOccurrences! > series.occurrences.length : true;
  return later && series.occurrences.length > 0
    ? `${extent} · listed up to ${formatInZone(series.materialisedUntil, timeZone, false)}, later ones follow`
    : extent;
}

/**
 * A recurring activity seen from one of its occurrences: every occurrence (exceptions and cancelled
 * ones marked), and the two edits the users asked for: this one, or the whole series.
 */
export function SeriesPanel({ activity, onChanged }: { activity: Activity; onChanged: () => void }) {
  const styles = useStyles();
  const { api, me } = useServices();
  const seriesId = activity.series!.id;
  const series = useAsync(() => api.series(seriesId), [api, seriesId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await change();
      series.reload();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const data = series.data;
  return (
    <div className={styles.panel} aria-label={`Series: ${activity.subject}`} role="region">
      {data ? (
        <>
          <Caption1>
            {data.cancelled ? "Series cancelled" : seriesExtent(data, me.timeZone)}
            {data.sync.state === "SYNCED" && " · one series in Outlook"}
          </Caption1>
          <ul className={styles.list} aria-label="Occurrences">
            {data.occurrences.map((occurrence) => (
              <li key={occurrence.id} className={styles.line}>
                <Text weight={occurrence.id === activity.id ? "semibold" : "regular"}>
                  {formatInZone(occurrence.startsAt, me.timeZone, !occurrence.allDay)}
                </Text>
                {occurrence.status === "CANCELLED" && <Badge appearance="tint">Cancelled</Badge>}
                {occurrence.status === "FINISHED" && (
                  <Badge appearance="tint" color="success">
                    Finished
                  </Badge>
                )}
                {occurrence.series?.exception && occurrence.status === "PLANNED" && (
                  <Badge appearance="outline">Changed</Badge>
                )}
              </li>
            ))}
          </ul>
          {!data.cancelled && (
            <div className={styles.line}>
              <Button
                size="small"
                disabled={busy || activity.status !== "PLANNED"}
                onClick={() =>
                  void run(() => api.updateActivity(activity.id, { version: activity.version, status: "CANCELLED" }))
                }
              >
                Cancel this one
              </Button>
              <Button
                size="small"
                disabled={busy}
                onClick={() => void run(() => api.updateSeries(data.id, { version: data.version, cancelled: true }))}
              >
                Cancel the whole series
              </Button>
            </div>
          )}
        </>
      ) : (
        <Caption1>{series.status === "error" ? errorMessage(series.error) : "Loading the series…"}</Caption1>
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
