import { Caption1, Link } from "@fluentui/react-components";
import type { Activity } from "contract";

/** The Teams meeting of an activity: its join link once Outlook made it, or why there is none yet. */
export function OnlineMeetingLine({ activity }: { activity: Activity }) {
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
