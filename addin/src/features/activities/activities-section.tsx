import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Activity } from "contract";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import type { RecordContact } from "../consent";
import { ActivityItem } from "./activity-item";
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
  const [showFinished, setShowFinished] = useState(false);
  const visible = (activities: Activity[]) =>
    showFinished ? activities : activities.filter((activity) => activity.status === "PLANNED");
  const overdue = future.filter((activity) => activity.overdue);
  const coming = future.filter((activity) => !activity.overdue);
  const list = { contacts, onChanged: onSynced };
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
        <SyncNowButton onSynced={onSynced} />
      </div>
      {overdue.length > 0 && <ActivityList title="Overdue" activities={overdue} empty="" {...list} />}
      <ActivityList title="Future" activities={coming} empty="Nothing planned." {...list} />
      <ActivityList
        title="History"
        activities={visible(history)}
        empty={showFinished ? "No past activities." : "No open past activities. Show finished to see all."}
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
            <ActivityItem key={activity.id} activity={activity} contacts={contacts} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </div>
  );
}
