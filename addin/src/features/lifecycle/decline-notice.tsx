import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { LifecycleSection } from "contract";
import { useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";

/**
 * Why the accounts department sent the customer back: shown on the record while it stands declined
 * (back in NEW with a decline as its last transition), so the salesman can fix it and release again.
 */
export function DeclineNotice({ lifecycle }: { lifecycle: LifecycleSection }) {
  const { t } = useTranslation("lifecycle");
  const format = useFormat();
  const { me } = useServices();
  const last = lifecycle.history[0];
  if (lifecycle.state !== "NEW" || last?.transition !== "DECLINE") return null;
  return (
    <MessageBar intent="warning" aria-label={t("declined")}>
      <MessageBarBody>
        <MessageBarTitle>
          {t("declinedBy", { name: last.changedBy.name, when: format.dateTime(last.changedAt, me.timeZone) })}
        </MessageBarTitle>
        {last.reason}
      </MessageBarBody>
    </MessageBar>
  );
}
