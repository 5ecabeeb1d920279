import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { missingFeatures, whereMissingFeaturesAre } from "../../office/host-capabilities";
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
  const [missing] = useState(() => missingFeatures(mailbox.capabilities()));
  // On a phone, say so: "this Outlook" would suggest that updating it helps, and it does not.
  const mobile = mailbox.capabilities().mobile;
  const where = whereMissingFeaturesAre(mailbox.capabilities());
  const who = mobile ? "Outlook on a phone or tablet" : "This Outlook";
  const key = missing.join("|");
  const [dismissed, setDismissed] = useState(() => wasDismissed(key));
  if (missing.length === 0 || dismissed) return null;
  const dismiss = () => {
    remember(key);
    setDismissed(true);
  };
  return (
    <MessageBar intent="info" role="note" aria-label="What this Outlook cannot do" layout="multiline">
      <MessageBarBody>
        {missing.length === 1 ? (
          `${who} cannot ${missing[0]} (${where}).`
        ) : (
          <>
            {who} cannot:
            <ul>
              {missing.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
            {mobile ? "Outlook on a computer or on the web can." : "These need a newer Outlook."}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={dismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
