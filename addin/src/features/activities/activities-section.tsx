import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Activity } from "contract";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import type { RecordContact } from "../consent";
import { ActivityItem } from "./activity-item";
import { OutlookSyncPanel } from "./outlook-sync-panel";
import { type SeriesChange, SeriesPanel } from "./series-panel";
import { SyncNowButton } from "./sync-now-button";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

/**
 * Planned and past activities: what is overdue first, then what is coming, then the history;
 * finished and cancelled ones only on request, as the users asked.
 */
export function ActivitiesSection({
  future,
  history,
  contacts,
  onSynced,
}: {
  future: Activity[];
  history: Activity[];
  contacts: RecordContact[];
  onSynced: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation("activities", { keyPrefix: "section" });
  const [showFinished, setShowFinished] = useState(false);
  // The "Outlook sync" panel reads again after each "Sync with Outlook".
  const [syncRound, setSyncRound] = useState(0);
  const visible = (activities: Activity[]) =>
    showFinished ? activities : activities.filter((activity) => activity.status === "PLANNED");
  const overdue = future.filter((activity) => activity.overdue);
  const coming = future.filter((activity) => !activity.overdue);
  const list = { contacts, onChanged: onSynced };
  return (
    <section className={styles.section} aria-labelledby="activities-heading">
      <div className={styles.line}>
        <Text id="activities-heading" as="h3" weight="semibold" size={400}>
          {t("heading")}
        </Text>
        <Switch
          label={t("showFinished")}
          checked={showFinished}
          onChange={(_event, data) => setShowFinished(data.checked)}
        />
        <SyncNowButton
          onSynced={() => {
            setSyncRound((round) => round + 1);
            onSynced();
          }}
        />
      </div>
      <OutlookSyncPanel round={syncRound} />
      {overdue.length > 0 && <ActivityList title={t("overdue")} activities={overdue} empty="" {...list} />}
      <ActivityList title={t("future")} activities={coming} empty={t("nothingPlanned")} {...list} />
      <ActivityList
        title={t("history")}
        activities={visible(history)}
        empty={showFinished ? t("noPast") : t("noOpenPast")}
        {...list}
      />
    </section>
  );
}

function ActivityList({
  title,
  activities,
  empty,
  contacts,
  onChanged,
}: {
  title: string;
  activities: Activity[];
  empty: string;
  contacts: RecordContact[];
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("activities", { keyPrefix: "section" });
  // The series panel open, the occurrence it was opened from, and what its last save said.
  const [open, setOpen] = useState<{ activityId: string; seriesId: string; change: SeriesChange | null } | null>(null);
  // A new time or rule for the whole series rebuilds the occurrences not changed on their own: the
  // one the panel was opened from may be gone, so the panel stays open on the series' first one here.
  const anchor =
    open &&
    (activities.find((activity) => activity.id === open.activityId) ??
      (open.change?.wholeSeries ? activities.find((activity) => activity.series?.id === open.seriesId) : undefined));
  const toggle = (activity: Activity) =>
    setOpen(
      anchor?.id === activity.id ? null : { activityId: activity.id, seriesId: activity.series!.id, change: null },
    );
  return (
    <div>
      <Text as="h4" weight="semibold">
        {title}
      </Text>
      {activities.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className={layout.list} aria-label={t("listLabel", { title })}>
          {activities.map((activity) => (
            <ActivityItem
              key={activity.id}
              activity={activity}
              contacts={contacts}
              onChanged={onChanged}
              series={
                activity.series ? { expanded: anchor?.id === activity.id, onToggle: () => toggle(activity) } : null
              }
            >
              {anchor?.id === activity.id && activity.series && (
                <SeriesPanel
                  activity={activity}
                  notice={open?.change?.notice ?? null}
                  onChanged={(change) => {
                    setOpen({ activityId: activity.id, seriesId: activity.series!.id, change: change ?? null });
                    onChanged();
                  }}
                />
              )}
            </ActivityItem>
          ))}
        </ul>
      )}
    </div>
  );
}
