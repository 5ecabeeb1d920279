import { Badge, Button, Caption1, Link, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type Activity, CALL_OUTCOME_LABELS } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { formatInZone } from "../../shared/zoned-time";
import { useLayoutStyles } from "../../shared/layout-styles";
import { OutlookSyncPanel } from "./outlook-sync-panel";
import { SyncNowButton } from "./sync-now-button";
import { SyncStateBadge } from "./sync-state-badge";
import { type SeriesChange, SeriesPanel } from "./series-panel";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

const TYPE_LABEL: Record<Activity["type"], string> = {
  CALL: "Call",
  VISIT: "Visit",
  MEETING: "Meeting",
  TASK: "Task",
  EMAIL: "E-mail",
  OTHER: "Other",
};

/** Planned and past activities; finished and cancelled ones only on request, as the users asked. */
export function ActivitiesSection({
  future,
  history,
  onSynced,
}: {
  future: Activity[];
  history: Activity[];
  onSynced: () => void;
}) {
  const styles = useStyles();
  const [showFinished, setShowFinished] = useState(false);
  // The "Outlook sync" panel reads again after each "Sync with Outlook".
  const [syncRound, setSyncRound] = useState(0);
  const visible = (activities: Activity[]) =>
    showFinished ? activities : activities.filter((activity) => activity.status === "PLANNED");
  return (
    <section className={styles.section} aria-labelledby="activities-heading">
      <div className={styles.line}>
        <Text id="activities-heading" as="h3" weight="semibold" size={400}>
          Activities
        </Text>
        <Switch
          label="Show finished"
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
      <ActivityList title="Future" activities={visible(future)} empty="Nothing planned." onChanged={onSynced} />
      <ActivityList
        title="History"
        activities={visible(history)}
        empty={showFinished ? "No past activities." : "No open past activities. Show finished to see all."}
        onChanged={onSynced}
      />
    </section>
  );
}

function ActivityList({
  title,
  activities,
  empty,
  onChanged,
}: {
  title: string;
  activities: Activity[];
  empty: string;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { me } = useServices();
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
        <ul className={layout.list} aria-label={`${title} activities`}>
          {activities.map((activity) => (
            <li key={activity.id} className={layout.item}>
              <span className={styles.line}>
                <Badge appearance="outline">{TYPE_LABEL[activity.type]}</Badge>
                <Text>{activity.subject}</Text>
                {activity.status !== "PLANNED" && (
                  <Badge appearance="tint" color={activity.status === "FINISHED" ? "success" : "subtle"}>
                    {activity.status === "FINISHED" ? "Finished" : "Cancelled"}
                  </Badge>
                )}
                {activity.callOutcome && (
                  <Badge
                    appearance="tint"
                    color="brand"
                    aria-label={`Outcome: ${CALL_OUTCOME_LABELS[activity.callOutcome]}`}
                  >
                    {CALL_OUTCOME_LABELS[activity.callOutcome]}
                  </Badge>
                )}
                <SyncStateBadge activityId={activity.id} sync={activity.sync} onChanged={onChanged} />
                {activity.series && (
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-expanded={anchor?.id === activity.id}
                    onClick={() => toggle(activity)}
                  >
                    {activity.series.exception ? "Repeats (changed)" : "Repeats"}
                  </Button>
                )}
              </span>
              <Caption1>
                {formatInZone(activity.startsAt, me.timeZone, !activity.allDay)} · {activity.owner.name}
              </Caption1>
              <OnlineMeetingLine activity={activity} />
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
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The Teams meeting of an activity: its join link once Outlook made it, or why there is none yet. */
function OnlineMeetingLine({ activity }: { activity: Activity }) {
  const { requested, joinUrl, unavailable } = activity.onlineMeeting;
  // The service keeps https links only; checked again here, as the pane never trusts a link it shows.
  if (joinUrl && joinUrl.startsWith("https://"))
    return (
      <Link href={joinUrl} target="_blank" rel="noopener noreferrer">
        Join Teams meeting
      </Link>
    );
  if (!requested || activity.status !== "PLANNED") return null;
  return (
    <Caption1>
      {unavailable
        ? "Teams meetings are not available in this Outlook calendar"
        : "Teams meeting: link follows from Outlook"}
    </Caption1>
  );
}
