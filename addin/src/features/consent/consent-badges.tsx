import { Badge } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ConsentChannel } from "contract";

/** One small badge per channel the contact withdrew consent for; nothing when there is none. */
export function ConsentBadges({ withdrawn }: { withdrawn: ConsentChannel[] }) {
  const { t } = useTranslation("consent");
  return (
    <>
      {withdrawn.map((channel) => (
        <Badge key={channel} appearance="tint" color="danger" size="small">
          {t(`withdrawnBadge.${channel}`)}
        </Badge>
      ))}
    </>
  );
}
