import { Caption1, Text } from "@fluentui/react-components";
import type { LogIntent } from "contract";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import { logTargetOf } from "../../shared/log-target";
import { useServices } from "../../shared/services-context";

/**
 * Log on send, the other half of "never block sending": intents the OnMessageSend handler could not
 * hand to the service wait in the mailbox's roaming settings; the pane, whenever it opens (on any
 * device), sends them on (finding the recipients' match first where the handler could not ask for
 * it). A message whose recipients match no single customer is not logged: nobody chose where.
 */
export function SendWaitingIntents() {
  const { t } = useTranslation("emailLog");
  const { api, mailbox } = useServices();
  const [sent, setSent] = useState(0);
  const [troubled, setTroubled] = useState<LogIntent[]>([]);
  useEffect(() => {
    const store = mailbox.logOnSend;
    if (!store) return;
    let live = true;
    void (async () => {
      const done: string[] = [];
      for (const waiting of store.waiting()) {
        try {
          const target = waiting.customerId
            ? { customerId: waiting.customerId, contactId: waiting.contactId ?? null }
            : waiting.recipients.length > 0
              ? logTargetOf(await api.lookup(waiting.recipients))
              : null;
          if (target)
            await api.logIntent({
              marker: waiting.marker,
              conversationId: waiting.conversationId ?? null,
              subject: waiting.subject,
              customerId: target.customerId,
              contactId: target.contactId,
            });
          done.push(waiting.marker);
        } catch (error) {
          // Refused for good (a customer deleted meanwhile): dropped. No answer: kept for the next time.
          if (
            error instanceof ApiError &&
            error.status >= 400 &&
            error.status < 500 &&
            error.status !== 401 &&
            error.status !== 429
          )
            done.push(waiting.marker);
        }
      }
      await store.forget(done).catch(() => undefined);
      if (live) setSent(done.length);
    })();
    return () => {
      live = false;
    };
  }, [api, mailbox]);
  // What the service could not log, or has waited on for a while, with its reason: nothing fails unseen.
  useEffect(() => {
    let live = true;
    api
      .logIntents()
      .then(({ items }) => {
        if (live)
          setTroubled(
            items.filter(
              (intent) =>
                intent.state === "EXPIRED" ||
                intent.state === "REJECTED" ||
                (intent.state === "PENDING" && intent.attempts >= 3),
            ),
          );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, mailbox]);
  if (sent === 0 && troubled.length === 0) return null;
  return (
    <>
      {sent > 0 && <Caption1 role="status">{t("waiting.handedOn", { count: sent })}</Caption1>}
      {troubled.length > 0 && (
        <section aria-label={t("waiting.label")}>
          <Text weight="semibold">{t("waiting.heading")}</Text>
          <ul>
            {troubled.map((intent) => (
              <li key={intent.id}>
                <Text>{intent.subject || t("noSubject")}</Text>{" "}
                <Caption1>
                  {t(
                    intent.state === "PENDING" || intent.state === "EXPIRED"
                      ? `waiting.${intent.state}`
                      : "waiting.REJECTED",
                  )}
                  : {intent.reason}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
