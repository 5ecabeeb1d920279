import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { missingFeatures } from "../../office/host-capabilities";
import type { Mailbox } from "../../office/mail-item.types";

const DISMISSED_KEY = "crm.capability-notice.dismissed";

/** The dismissal is kept for this list of missing features: a later Outlook missing others says so again. */
function wasDismissed(key: string): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === key;
  } catch {
    return false; // storage refused (a locked-down webview): the notice shows, the pane works
  }
}

function remember(key: string) {
  try {
    localStorage.setItem(DISMISSED_KEY, key);
  } catch {
    // Not kept: it shows again next time the pane opens.
  }
}

/**
 * One short notice of what this Outlook cannot do (its requirement sets, office/host-capabilities.ts),
 * in the user's words, until dismissed. The pane itself works without those features: the parts
 * that need them are simply not offered.
 */
export function CapabilityNotice({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation("app", { keyPrefix: "capabilities" });
  const [missing] = useState(() => missingFeatures(mailbox.capabilities()));
  // On a phone, say so: "this Outlook" would suggest that updating it helps, and it does not.
  const mobile = mailbox.capabilities().mobile;
  const key = missing.join("|");
  const [dismissed, setDismissed] = useState(() => wasDismissed(key));
  if (missing.length === 0 || dismissed) return null;
  const dismiss = () => {
    remember(key);
    setDismissed(true);
  };
  return (
    <MessageBar intent="info" role="note" aria-label={t("label")} layout="multiline">
      <MessageBarBody>
        {missing.length === 1 ? (
          t(mobile ? "oneMobile" : "one", { feature: t(missing[0]!) })
        ) : (
          <>
            {t(mobile ? "severalMobile" : "several")}
            <ul>
              {missing.map((feature) => (
                <li key={feature}>{t(feature)}</li>
              ))}
            </ul>
            {t(mobile ? "severalEndMobile" : "severalEnd")}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={dismiss}>
          {t("dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
