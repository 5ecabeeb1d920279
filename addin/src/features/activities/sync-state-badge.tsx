import { Badge, Tooltip } from "@fluentui/react-components";
import type { Activity } from "../../../../contract";

// Whether Outlook has it is what users double-check most with CRM calendar sync, so it is said
// on every activity that takes part, with Graph's reason when Outlook refused it.
const LABEL = {
  SYNCED: { text: "In Outlook", color: "success" },
  PENDING: { text: "Syncing…", color: "informative" },
  FAILED: { text: "Not in Outlook", color: "danger" },
} as const;

export function SyncStateBadge({ sync }: { sync: Activity["sync"] }) {
  if (sync.state === "NOT_SYNCED") return null;
  const { text, color } = LABEL[sync.state];
  const badge = (
    <Badge appearance="tint" color={color}>
      {text}
    </Badge>
  );
  if (sync.state !== "FAILED" || !sync.error) return badge;
  return (
    <Tooltip content={sync.error} relationship="description">
      {badge}
    </Tooltip>
  );
}
