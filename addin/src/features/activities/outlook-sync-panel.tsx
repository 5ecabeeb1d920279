import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MySyncHealth, SubscriptionState, SyncHealthEntry, SyncWaitReason } from "contract";
import { useServices } from "../../shared/services-context";
import { errorMessage } from "../../shared/error-message";
import { useAsync } from "../../shared/use-async";
import { sinceText } from "./sync-state-badge";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

// How Outlook's changes reach the CRM, in the user's words: "within seconds" only while Graph
// notifies the service; otherwise the calendar is read on a schedule.
const INCOMING: Record<SubscriptionState, string> = {
  OFF: "Changes made in Outlook come back every few minutes.",
  NONE: "Changes made in Outlook come back every few minutes (connecting to Outlook for faster updates).",
  ACTIVE: "Changes made in Outlook come back within seconds.",
  REAUTHORIZE: "Reconnecting to Outlook; changes come back every few minutes meanwhile.",
  REMOVED: "Reconnecting to Outlook; changes come back every few minutes meanwhile.",
  FAILED: "Outlook does not notify the CRM right now; changes come back every few minutes.",
};

const WAITING: Record<SyncWaitReason, string> = {
  UNREACHABLE: "Outlook unreachable",
  THROTTLED: "Outlook asked to slow down",
  OUTLOOK_ERROR: "Outlook had a problem",
  SIGN_IN: "Outlook sign-in needed",
};

const SOURCE = { PUSH: "sending to Outlook", PULL: "reading Outlook", SUBSCRIPTION: "Outlook notifications" } as const;

/** "Outlook sync": the signed-in user's own calendar sync, as the service sees it. */
export function OutlookSyncPanel({ round }: { round: number }) {
  const styles = useStyles();
  const { api } = useServices();
  const state = useAsync(() => api.syncHealth(), [round]);
  return (
    <section className={styles.panel} aria-labelledby="outlook-sync-heading">
      <Text id="outlook-sync-heading" as="h4" weight="semibold">
        Outlook sync
      </Text>
      {state.status === "loading" && <Caption1>Loading…</Caption1>}
      {state.status === "error" && <Caption1 role="alert">{errorMessage(state.error)}</Caption1>}
      {state.status === "ready" && <HealthLines health={state.data} />}
    </section>
  );
}

function HealthLines({ health: { enabled, health } }: { health: MySyncHealth }) {
  const { me } = useServices();
  if (!enabled) return <Caption1>Calendar sync is not set up for this CRM.</Caption1>;
  const when = (iso: string | null) => (iso ? sinceText(iso, me.timeZone) : "not yet");
  return (
    <>
      <Caption1>{`Last sent to Outlook: ${when(health.lastPushAt)} · last read from Outlook: ${when(health.lastPullAt)}`}</Caption1>
      <Caption1>{INCOMING[health.subscription.state]}</Caption1>
      {waitingLines(health, me.timeZone).map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
      {health.failed > 0 && (
        <Caption1>{`${health.failed} not accepted by Outlook: see "Not in Outlook" on the activity.`}</Caption1>
      )}
      {health.lastError && (
        <Caption1 role="status">
          {`Last problem ${SOURCE[health.lastError.source]}${health.lastError.at ? ` (${sinceText(health.lastError.at, me.timeZone)})` : ""}: ${health.lastError.message}`}
        </Caption1>
      )}
    </>
  );
}

/** What waits and why: one line per reason, and the ones simply due now. */
function waitingLines(health: SyncHealthEntry, timeZone: string): string[] {
  const lines = health.waiting.map((wait) => {
    const next =
      wait.reason === "SIGN_IN"
        ? "open the pane signed in to continue"
        : wait.retryAt
          ? `next try ${sinceText(wait.retryAt, timeZone)}`
          : "trying now";
    return `${wait.activities} waiting: ${WAITING[wait.reason]} since ${sinceText(wait.since, timeZone)}, ${next}.`;
  });
  const due = health.pending - health.waiting.reduce((sum, wait) => sum + wait.activities, 0);
  if (due > 0) lines.push(`${due} on the way to Outlook.`);
  if (lines.length === 0 && health.failed === 0) lines.push("Nothing waits for Outlook.");
  return lines;
}
