import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import type { MySyncHealth, SyncHealthEntry } from "contract";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { useAsync } from "../../shared/use-async";
import { type ActivityLabels, useActivityLabels } from "./activity-labels";

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

// How Outlook's changes reach the CRM, in the user's words (the activities catalog's health.incoming):
// "within seconds" only while Graph notifies the service; otherwise the calendar is read on a schedule.

/** "Outlook sync": the signed-in user's own calendar sync, as the service sees it. */
export function OutlookSyncPanel({ round }: { round: number }) {
  const styles = useStyles();
  const { t } = useTranslation("activities", { keyPrefix: "health" });
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const state = useAsync(() => api.syncHealth(), [round]);
  return (
    <section className={styles.panel} aria-labelledby="outlook-sync-heading">
      <Text id="outlook-sync-heading" as="h4" weight="semibold">
        {t("heading")}
      </Text>
      {state.status === "loading" && <Caption1>{t("loading")}</Caption1>}
      {state.status === "error" && <Caption1 role="alert">{errorMessage(state.error)}</Caption1>}
      {state.status === "ready" && <HealthLines health={state.data} />}
    </section>
  );
}

function HealthLines({ health: { enabled, health } }: { health: MySyncHealth }) {
  const { t } = useTranslation("activities");
  const labels = useActivityLabels();
  const { me } = useServices();
  if (!enabled) return <Caption1>{t("sync.notSetUp")}</Caption1>;
  const when = (iso: string | null) => (iso ? labels.since(iso, me.timeZone) : t("health.notYet"));
  return (
    <>
      <Caption1>{t("health.lastTimes", { pushed: when(health.lastPushAt), pulled: when(health.lastPullAt) })}</Caption1>
      <Caption1>{t(`health.incoming.${health.subscription.state}`)}</Caption1>
      {waitingLines(health, me.timeZone, t, labels).map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
      {health.failed > 0 && <Caption1>{t("health.failed", { count: health.failed })}</Caption1>}
      {health.lastError && (
        <Caption1 role="status">
          {health.lastError.at
            ? t("health.lastProblemAt", {
                source: t(`health.sources.${health.lastError.source}`),
                at: labels.since(health.lastError.at, me.timeZone),
                message: health.lastError.message,
              })
            : t("health.lastProblem", {
                source: t(`health.sources.${health.lastError.source}`),
                message: health.lastError.message,
              })}
        </Caption1>
      )}
    </>
  );
}

/** What waits and why: one line per reason, and the ones simply due now. */
function waitingLines(
  health: SyncHealthEntry,
  timeZone: string,
  t: TFunction<"activities">,
  labels: ActivityLabels,
): string[] {
  const lines = health.waiting.map((wait) => {
    const next =
      wait.reason === "SIGN_IN"
        ? t("health.openToContinue")
        : wait.retryAt
          ? t("health.nextTry", { at: labels.since(wait.retryAt, timeZone) })
          : t("health.tryingNow");
    return t("health.waiting", {
      count: wait.activities,
      reason: t(`sync.reasons.${wait.reason}`),
      since: labels.since(wait.since, timeZone),
      next,
    });
  });
  const due = health.pending - health.waiting.reduce((sum, wait) => sum + wait.activities, 0);
  if (due > 0) lines.push(t("health.onTheWay", { count: due }));
  if (lines.length === 0 && health.failed === 0) lines.push(t("health.nothingWaits"));
  return lines;
}
