import { Button, Caption1 } from "@fluentui/react-components";
import { useState } from "react";
import type { SyncRunResult } from "contract";
import { useServices } from "../../shared/services-context";
import { errorMessage } from "../../shared/error-message";

type State =
  { kind: "idle" } | { kind: "running" } | { kind: "done"; result: SyncRunResult } | { kind: "error"; message: string };

/** "Sync now": the calendar in Outlook and the record agree when it answers. */
export function SyncNowButton({ onSynced }: { onSynced: () => void }) {
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
        {state.kind === "running" ? "Syncing…" : "Sync with Outlook"}
      </Button>
      <Caption1 aria-live="polite">{summary(state)}</Caption1>
    </>
  );
}

function summary(state: State): string {
  if (state.kind === "error") return state.message;
  if (state.kind !== "done") return "";
  const { result } = state;
  if (!result.enabled) return "Calendar sync is not set up for this CRM.";
  if (result.error) return `Outlook calendar not read: ${result.error}`;
  if (result.pending > 0) return `${result.pending} waiting for Outlook; they follow automatically.`;
  return "Outlook calendar is up to date.";
}
