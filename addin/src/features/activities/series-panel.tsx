import { type Format, useFormat } from "../../i18n";
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
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Activity, ActivitySeries } from "contract";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { may } from "../../shared/may";
import { useAsync } from "../../shared/use-async";
import { editForms } from "./activity-item";
import { Loading } from "../../shared/state-views";
import { describePattern } from "./repeat-rule";

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
  occurrence: { display: "flex", flexDirection: "column" },
});

/** What the panel tells after a save; kept by the list, as the panel may be drawn anew on another occurrence. */
export interface SeriesChange {
  notice: string;
  /** The whole series changed: the occurrence the panel was opened from may have been rebuilt. */
  wholeSeries: boolean;
}

/**
 * How far the series goes, as its rule says: the service keeps occurrences as activities only up to
 * the sync window's end (materialisedUntil), so counting those would tell a six-month series as five.
 */
function seriesExtent(series: ActivitySeries, timeZone: string, format: Format, t: TFunction<"activities">): string {
  const { range } = series.recurrence;
  const extent =
    range.type === "numbered"
      ? t("series.count", { count: range.numberOfOccurrences! })
      : range.type === "endDate"
        ? t("series.until", { date: format.date(`${range.endDate}T12:00:00Z`, timeZone) })
        : t("series.noEnd");
  const later = range.type === "numbered" ? range.numberOfOccurrences! > series.occurrences.length : true;
  return later && series.occurrences.length > 0
    ? t("series.listedUpTo", { extent, date: format.date(series.materialisedUntil, timeZone) })
    : extent;
}

/** How many planned occurrences were changed on their own (in the CRM or in Outlook). */
const exceptionsOf = (series: ActivitySeries) =>
  series.occurrences.filter((occurrence) => occurrence.series?.exception && occurrence.status === "PLANNED").length;

/**
 * A recurring activity seen from one of its occurrences: every occurrence (exceptions and cancelled
 * ones marked, those moved with the time the rule gave them), and the edits the users asked for:
 * change or cancel this one, or the whole series.
 */
export function SeriesPanel({
  activity,
  notice,
  onChanged,
}: {
  activity: Activity;
  /** What the last save here said (kept by the list). */
  notice: string | null;
  onChanged: (change?: SeriesChange) => void;
}) {
  const format = useFormat();
  const { t } = useTranslation("activities");
  const forms = editForms.use();
  const errorMessage = useErrorMessage();
  const styles = useStyles();
  const { api, me } = useServices();
  const seriesId = activity.series!.id;
  const series = useAsync(() => api.series(seriesId), [api, seriesId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<"one" | "series" | null>(null);

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
  const reloadBoth = () => {
    series.reload();
    onChanged();
  };
  const edit = (next: "one" | "series") => {
    setError(null);
    setEditing(editing === next ? null : next);
  };

  const data = series.data;
  // Offered only to who may (the occurrence's or the series' owner, a manager, an admin); the service decides.
  const mayChangeOne = may(me, "activities:change", { ownerId: activity.owner.id }) && activity.status === "PLANNED";
  const mayChangeSeries = !!data && may(me, "activities:change", { ownerId: data.owner.id });
  return (
    <div className={styles.panel} aria-label={t("series.region", { subject: activity.subject })} role="region">
      {data ? (
        <>
          <Caption1>
            {data.cancelled
              ? t("series.cancelled")
              : `${describePattern(data.recurrence.pattern, t)} · ${seriesExtent(data, me.timeZone, format, t)}`}
            {data.sync.state === "SYNCED" && t("series.oneInOutlook")}
          </Caption1>
          <ul className={styles.list} aria-label={t("series.occurrences")}>
            {data.occurrences.map((occurrence) => (
              <li
                key={occurrence.id}
                className={styles.occurrence}
                aria-current={occurrence.id === activity.id ? "true" : undefined}
              >
                <span className={styles.line}>
                  <Text weight={occurrence.id === activity.id ? "semibold" : "regular"}>
                    {(occurrence.allDay ? format.date : format.dateTime)(occurrence.startsAt, me.timeZone)}
                  </Text>
                  {occurrence.status === "CANCELLED" && (
                    <Badge appearance="tint">{t("series.occurrenceCancelled")}</Badge>
                  )}
                  {occurrence.status === "FINISHED" && (
                    <Badge appearance="tint" color="success">
                      {t("series.occurrenceFinished")}
                    </Badge>
                  )}
                  {occurrence.series?.exception && occurrence.status === "PLANNED" && (
                    <Badge appearance="outline">{t("series.changed")}</Badge>
                  )}
                </span>
                {/* Moved on its own (here or in Outlook): where the rule had put it. */}
                {occurrence.series && occurrence.series.occurrenceStart !== occurrence.startsAt && (
                  <Caption1>
                    {t("series.was", {
                      when: (occurrence.allDay ? format.date : format.dateTime)(
                        occurrence.series.occurrenceStart,
                        me.timeZone,
                      ),
                    })}
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
          {notice && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {!data.cancelled && (mayChangeOne || mayChangeSeries) && (
            <div className={styles.line}>
              {mayChangeOne && (
                <>
                  <Button size="small" aria-expanded={editing === "one"} disabled={busy} onClick={() => edit("one")}>
                    {t("series.editOne")}
                  </Button>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() =>
                      void run(() =>
                        api.updateActivity(activity.id, { version: activity.version, status: "CANCELLED" }),
                      )
                    }
                  >
                    {t("series.cancelOne")}
                  </Button>
                </>
              )}
              {mayChangeSeries && (
                <>
                  <Button
                    size="small"
                    aria-expanded={editing === "series"}
                    disabled={busy}
                    onClick={() => edit("series")}
                  >
                    {t("series.editSeries")}
                  </Button>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() =>
                      void run(() => api.updateSeries(data.id, { version: data.version, cancelled: true }))
                    }
                  >
                    {t("series.cancelSeries")}
                  </Button>
                </>
              )}
            </div>
          )}
          {!data.cancelled && editing !== null && !forms && <Loading label={t("item.loadingForm")} />}
          {!data.cancelled && mayChangeOne && editing === "one" && forms && (
            <forms.OccurrenceForm
              activity={activity}
              reload={reloadBoth}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                series.reload();
                onChanged({
                  notice: t("series.savedOne"),
                  wholeSeries: false,
                });
              }}
            />
          )}
          {!data.cancelled && mayChangeSeries && editing === "series" && forms && (
            <forms.SeriesForm
              series={data}
              reload={series.reload}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                series.reload();
                const kept = exceptionsOf(data);
                onChanged({
                  notice: kept === 0 ? t("series.savedSeries") : t("series.savedSeriesKept", { count: kept }),
                  wholeSeries: true,
                });
              }}
            />
          )}
        </>
      ) : (
        <Caption1>{series.status === "error" ? errorMessage(series.error) : t("series.loading")}</Caption1>
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
