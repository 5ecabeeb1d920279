import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { BULK_LOG_MAX, type EmailLogBulkResult } from "contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SelectedMessage } from "../../office/mail-item.types";
import { useErrorMessage } from "../../shared/error-message";
import { useServices } from "../../shared/services-context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Messages per request: the progress moves in steps this size, and a lost request costs only these. */
export const BULK_CHUNK = 10;

/** The summary's lines, in this order (their labels in the emailLog catalog's bulk.outcome). */
const SUMMARY = [
  "logged",
  "already",
  "no-customer",
  "failed",
] as const satisfies readonly EmailLogBulkResult["outcome"][];

/**
 * Several emails selected in Outlook (multi-select): "Log N emails" sends them to the service in
 * chunks, which reads each from the user's mailbox and logs it to the customer its people point to.
 * Progress as it goes, then what became of each; the failed ones can be tried again on their own.
 */
export function LogSelectedEmails({ messages }: { messages: SelectedMessage[] }) {
  const styles = useStyles();
  const { t } = useTranslation("emailLog", { keyPrefix: "bulk" });
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const [results, setResults] = useState<Map<string, EmailLogBulkResult>>(new Map());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const count = messages.length;
  const subjectOf = new Map(messages.map((message) => [message.restId, message.subject]));

  if (count > BULK_LOG_MAX)
    return (
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>{t("tooMany", { count, max: BULK_LOG_MAX })}</MessageBarBody>
      </MessageBar>
    );

  const run = async (ids: string[]) => {
    setProgress({ done: 0, total: ids.length });
    for (let start = 0; start < ids.length; start += BULK_CHUNK) {
      const chunk = ids.slice(start, start + BULK_CHUNK);
      let answered: EmailLogBulkResult[];
      try {
        answered = (await api.logSelected(chunk)).results;
      } catch (error) {
        // The service did not answer this chunk: its messages are failed (and can be retried), the rest go on.
        const reason = errorMessage(error);
        answered = chunk.map((messageId) => ({
          messageId,
          outcome: "failed",
          subject: null,
          customer: null,
          entryId: null,
          reason,
        }));
      }
      setResults((before) => {
        const next = new Map(before);
        for (const result of answered) next.set(result.messageId, result);
        return next;
      });
      setProgress({ done: Math.min(start + chunk.length, ids.length), total: ids.length });
    }
    setProgress(null);
  };

  const all = messages.map((message) => results.get(message.restId)).filter((each) => each !== undefined);
  const failed = all.filter((result) => result.outcome === "failed");
  const unmatched = all.filter((result) => result.outcome === "no-customer");
  const subject = (result: EmailLogBulkResult) => subjectOf.get(result.messageId) || result.subject || t("noSubject");
  const running = progress !== null;

  return (
    <section aria-labelledby="selected-emails" className={styles.stack}>
      <Text id="selected-emails" as="h2" weight="semibold" size={400}>
        {t("selected", { count })}
      </Text>
      {all.length === 0 && !running && (
        <>
          <Caption1>{t("explain")}</Caption1>
          <Button appearance="primary" onClick={() => void run(messages.map((message) => message.restId))}>
            {t("log", { count })}
          </Button>
        </>
      )}
      {running && (
        <div role="status" aria-live="polite">
          <ProgressBar value={progress.done / progress.total} />
          <Text>{t("progress", { done: progress.done, total: progress.total })}</Text>
        </div>
      )}
      {all.length > 0 && !running && (
        <>
          <div role="status" aria-label={t("summary")}>
            {SUMMARY.map((outcome) => (
              <div key={outcome}>
                {t(`outcome.${outcome}`)}: {all.filter((result) => result.outcome === outcome).length}
              </div>
            ))}
          </div>
          {unmatched.length > 0 && (
            <>
              <Text weight="semibold">{t("outcome.no-customer")}</Text>
              <ul className={styles.list} aria-label={t("outcome.no-customer")}>
                {unmatched.map((result) => (
                  <li key={result.messageId}>
                    {subject(result)}: {result.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {failed.length > 0 && (
            <>
              <Text weight="semibold">{t("outcome.failed")}</Text>
              <ul className={styles.list} aria-label={t("outcome.failed")}>
                {failed.map((result) => (
                  <li key={result.messageId}>
                    {subject(result)}: {result.reason}
                  </li>
                ))}
              </ul>
              <Button onClick={() => void run(failed.map((result) => result.messageId))}>
                {t("retry", { count: failed.length })}
              </Button>
            </>
          )}
        </>
      )}
    </section>
  );
}
