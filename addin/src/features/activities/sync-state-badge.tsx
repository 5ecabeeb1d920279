import { Badge, Button, Caption1, Tooltip } from "@fluentui/react-components";
import { useState } from "react";
import type { ActivitySync, SyncWaitReason } from "contract";
import { dayInZone } from "contract/zoned-time";
import { useServices } from "../../shared/services-context";
import { errorMessage } from "../../shared/error-message";
import { formatInZone, isoToZoned } from "../../shared/zoned-time";

// Whether Outlook has it is what users double-check most with CRM calendar sync, so it is said
// on every activity that takes part: why it waits while Outlook cannot be reached (it never gives
// up on that), and Graph's reason when Outlook refused it, with a way to send it again.
const LABEL = {
  SYNCED: { text: "In Outlook", color: "success" },
  PENDING: { text: "Syncing…", color: "informative" },
  FAILED: { text: "Not in Outlook", color: "danger" },
} as const;

const WAITING: Record<SyncWaitReason, string> = {
  UNREACHABLE: "Outlook unreachable",
  THROTTLED: "Outlook asked to slow down",
  OUTLOOK_ERROR: "Outlook had a problem",
  SIGN_IN: "Outlook sign-in needed",
};

export function SyncStateBadge({
  activityId,
  sync,
  onChanged,
}: {
  activityId: string;
  sync: ActivitySync;
  onChanged: () => void;
}) {
  if (sync.state === "NOT_SYNCED") return null;
  if (sync.waiting) return <WaitingForOutlook sync={sync} waiting={sync.waiting} />;
  const { text, color } = LABEL[sync.state];
  const badge = (
    <Badge appearance="tint" color={color}>
      {text}
    </Badge>
  );
  if (sync.state !== "FAILED") return badge;
  return (
    <>
      {sync.error ? (
        <Tooltip content={sync.error} relationship="description">
          {badge}
        </Tooltip>
      ) : (
        badge
      )}
      <SendAgain activityId={activityId} onChanged={onChanged} />
    </>
  );
}

function WaitingForOutlook({ sync, waiting }: { sync: ActivitySync; waiting: NonNullable<ActivitySync["waiting"]> }) {
  const { me } = useServices();
  const since = sinceText(waiting.since, me.timeZone);
  const retrying = waiting.reason === "SIGN_IN" ? "waiting for you to sign in again" : "retrying";
  const badge = (
    <Badge appearance="tint" color="warning">
      Waiting for Outlook
    </Badge>
  );
  return (
    <>
      {sync.error ? (
        <Tooltip content={sync.error} relationship="description">
          {badge}
        </Tooltip>
      ) : (
        badge
      )}
      <Caption1>{`${WAITING[waiting.reason]} since ${since}, ${retrying}`}</Caption1>
    </>
  );
}

/** "10:42" today, a date with it before today (in the user's zone). */
export function sinceText(iso: string, timeZone: string): string {
  const { day, time } = isoToZoned(iso, timeZone);
  return day === dayInZone(new Date(), timeZone) ? time : formatInZone(iso, timeZone);
}

function SendAgain({ activityId, onChanged }: { activityId: string; onChanged: () => void }) {
  const { api } = useServices();
  const [state, setState] = useState<{ sending: boolean; error: string | null }>({ sending: false, error: null });
  const send = async () => {
    setState({ sending: true, error: null });
    try {
      await api.resendToOutlook(activityId);
      onChanged();
    } catch (error) {
      setState({ sending: false, error: errorMessage(error) });
    }
  };
  return (
    <>
      <Button size="small" appearance="subtle" onClick={send} disabled={state.sending}>
        {state.sending ? "Sending…" : "Send to Outlook again"}
      </Button>
      {state.error && <Caption1 role="alert">{state.error}</Caption1>}
    </>
  );
}
