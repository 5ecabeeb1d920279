import { Badge, Button, Caption1, Tooltip } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivitySync } from "contract";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { useActivityLabels } from "./activity-labels";

// Whether Outlook has it is what users double-check most with CRM calendar sync, so it is said
// on every activity that takes part: why it waits while Outlook cannot be reached (it never gives
// up on that), and Graph's reason when Outlook refused it, with a way to send it again.
const COLOR = { SYNCED: "success", PENDING: "informative", FAILED: "danger" } as const;

export function SyncStateBadge({
  activityId,
  sync,
  onChanged,
}: {
  activityId: string;
  sync: ActivitySync;
  onChanged: () => void;
}) {
  const { t } = useTranslation("activities", { keyPrefix: "sync" });
  if (sync.state === "NOT_SYNCED") return null;
  if (sync.waiting) return <WaitingForOutlook sync={sync} waiting={sync.waiting} />;
  const badge = (
    <Badge appearance="tint" color={COLOR[sync.state]}>
      {t(sync.state)}
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
  const { t } = useTranslation("activities", { keyPrefix: "sync" });
  const labels = useActivityLabels();
  const { me } = useServices();
  const since = labels.since(waiting.since, me.timeZone);
  const retrying = waiting.reason === "SIGN_IN" ? t("waitingForSignIn") : t("retrying");
  const badge = (
    <Badge appearance="tint" color="warning">
      {t("waitingForOutlook")}
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
      <Caption1>{t("waitingSince", { reason: t(`reasons.${waiting.reason}`), since, next: retrying })}</Caption1>
    </>
  );
}

function SendAgain({ activityId, onChanged }: { activityId: string; onChanged: () => void }) {
  const { t } = useTranslation("activities", { keyPrefix: "sync" });
  const errorMessage = useErrorMessage();
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
        {state.sending ? t("sending") : t("sendAgain")}
      </Button>
      {state.error && <Caption1 role="alert">{state.error}</Caption1>}
    </>
  );
}
