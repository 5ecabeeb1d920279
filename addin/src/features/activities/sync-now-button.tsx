import { Button, Caption1 } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SyncRunResult } from "contract";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";

type State =
  { kind: "idle" } | { kind: "running" } | { kind: "done"; result: SyncRunResult } | { kind: "error"; message: string };

/** "Sync now": the calendar in Outlook and the record agree when it answers. */
export function SyncNowButton({ onSynced }: { onSynced: () => void }) {
  const { t } = useTranslation("activities", { keyPrefix: "sync" });
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const [state, setState] = useState<State>({ kind: "idle" });
  const run = async () => {
    setState({ kind: "running" });
    try {
      const result = await api.syncNow();
      setState({ kind: "done", result });
      onSynced();
    } catch (error) {
      setState({ kind: "error", message: errorMessage(error) });
    }
  };
  return (
    <>
      <Button size="small" onClick={run} disabled={state.kind === "running"}>
        {state.kind === "running" ? t("syncing") : t("syncNow")}
      </Button>
      <Caption1 aria-live="polite">{summary(state, t)}</Caption1>
    </>
  );
}

function summary(state: State, t: TFunction<"activities", "sync">): string {
  if (state.kind === "error") return state.message;
  if (state.kind !== "done") return "";
  const { result } = state;
  if (!result.enabled) return t("notSetUp");
  if (result.error) return t("notRead", { error: result.error });
  if (result.pending > 0) return t("pending", { count: result.pending });
  return t("upToDate");
}
