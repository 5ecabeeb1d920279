import { Caption1, Link } from "@fluentui/react-components";
import type { Activity } from "contract";
import { useTranslation } from "react-i18next";

/** The Teams meeting of an activity: its join link once Outlook made it, or why there is none yet. */
export function OnlineMeetingLine({ activity }: { activity: Activity }) {
  const { t } = useTranslation("activities", { keyPrefix: "teams" });
  const { requested, joinUrl, unavailable } = activity.onlineMeeting;
  // The service keeps https links only; checked again here, as the pane never trusts a link it shows.
  if (joinUrl && joinUrl.startsWith("https://"))
    return (
      <Link href={joinUrl} target="_blank" rel="noopener noreferrer">
        {t("join")}
      </Link>
    );
  if (!requested || activity.status !== "PLANNED") return null;
  return <Caption1>{unavailable ? t("unavailable") : t("follows")}</Caption1>;
}
