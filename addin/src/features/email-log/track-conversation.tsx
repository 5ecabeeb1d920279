import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TrackedConversation } from "contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MailItem } from "../../office/mail-item.types";
import { useErrorMessage } from "../../shared/error-message";
import { useServices } from "../../shared/services-context";
import { useActedList } from "../../shared/use-acted-list";
import { Loading } from "../../shared/state-views";
import { preloadable } from "../../shared/preloadable";

// The never-log rules are a button away and validate with the contract's schema (zod): a chunk of
// their own, fetched once this section is on screen, so zod stays out of the pane's first download.
const neverLogRules = preloadable(() => import("./never-log-rules.js"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, flexBasis: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "Track this conversation": the service logs every later message of the conversation of the open
 * message, incoming and sent, to this customer, without the pane open. The pane lists what the user
 * tracks (every customer's) and lets them stop each; beside that list, "Never-log rules" opens the
 * addresses and domains that automatic logging leaves out.
 */
export function TrackConversation({
  item,
  customerId,
  contactId,
}: {
  item: MailItem;
  customerId: string;
  contactId: string | null;
}) {
  const styles = useStyles();
  const { t } = useTranslation("emailLog");
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const [rulesOpen, setRulesOpen] = useState(false);
  const rules = neverLogRules.use();
  const {
    items: tracked,
    busy,
    error,
    act,
  } = useActedList<TrackedConversation>(() => api.trackedConversations(), [api]);

  if (tracked === null) return error === null ? null : <Caption1 role="alert">{errorMessage(error)}</Caption1>;
  const conversationId = item.conversationId;
  const current = tracked.find((entry) => entry.conversationId === conversationId) ?? null;
  return (
    <div className={styles.root}>
      {conversationId && !current && (
        <div>
          <Button
            disabled={busy}
            onClick={() =>
              act(() => api.trackConversation({ conversationId, customerId, contactId, subject: item.subject }))
            }
          >
            {t("track.button")}
          </Button>
          {/* The service reads the user's own mail through Graph (tracked-conversations worker), not this mailbox. */}
          {item.shared && <Caption1 as="p">{t("track.sharedNote", { mailbox: item.shared.owner })}</Caption1>}
        </div>
      )}
      {current && <Text role="status">{t("track.tracking", { customer: current.customerName })}</Text>}
      {tracked.length > 0 && (
        <section aria-label={t("track.label")}>
          <Caption1>{t("track.yours")}</Caption1>
          <ul className={styles.list}>
            {tracked.map((entry) => (
              <li key={entry.id}>
                <Text>
                  {entry.subject || t("noSubject")} · {entry.customerName}
                </Text>{" "}
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={busy}
                  aria-label={t("track.stopWhat", { subject: entry.subject || t("noSubject") })}
                  onClick={() => act(() => api.stopTracking(entry.id))}
                >
                  {t("track.stop")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div>
        <Button size="small" appearance="subtle" aria-expanded={rulesOpen} onClick={() => setRulesOpen(!rulesOpen)}>
          {t("track.neverLogRules")}
        </Button>
      </div>
      {rulesOpen && (rules ? <rules.NeverLogRules /> : <Loading label={t("neverLog.loading")} />)}
      {error !== null && <Caption1 role="alert">{errorMessage(error)}</Caption1>}
    </div>
  );
}
