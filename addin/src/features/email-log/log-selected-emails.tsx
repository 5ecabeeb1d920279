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
import type { SelectedMessage } from "../../office/mail-item.types";
import { errorMessage } from "../../shared/error-message";
import { useServices } from "../../shared/services-context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Messages per request: the progress moves in steps this size, and a lost request costs only these. */
export const BULK_CHUNK = 10;

const SUMMARY: { outcome: EmailLogBulkResult["outcome"]; label: string }[] = [
  { outcome: "logged", label: "Logged" },
  { outcome: "already", label: "Already logged" },
  { outcome: "no-customer", label: "No matching customer" },
  { outcome: "failed", label: "Failed" },
];

/**
 * Several emails selected in Outlook (multi-select): "Log N emails" sends them to the service in
 * chunks, which reads each from the user's mailbox and logs it to the customer its people point to.
 * Progress as it goes, then what became of each; the failed ones can be tried again on their own.
 */
export function LogSelectedEmails({ messages }: { messages: SelectedMessage[] }) {
  const styles = useStyles();
  const { api } = useServices();
  const [results, setResults] = useState<Map<string, EmailLogBulkResult>>(new Map());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const count = messages.length;
  const subjectOf = new Map(messages.map((message) => [message.restId, message.subject]));

  if (count > BULK_LOG_MAX)
    return (
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>
          {count} emails are selected; at most {BULK_LOG_MAX} can be logged at once. Select fewer.
        </MessageBarBody>
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
  const subject = (result: EmailLogBulkResult) => subjectOf.get(result.messageId) || result.subject || "(no subject)";
  const running = progress !== null;

  return (
    <section aria-labelledby="selected-emails" className={styles.stack}>
      <Text id="selected-emails" as="h2" weight="semibold" size={400}>
        {count} emails selected
      </Text>
      {all.length === 0 && !running && (
        <>
          <Caption1>Each is logged to the customer its sender or recipients belong to, once.</Caption1>
          <Button appearance="primary" onClick={() => void run(messages.map((message) => message.restId))}>
            Log {count} emails
          </Button>
        </>
      )}
      {running && (
        <div role="status" aria-live="polite">
          <ProgressBar value={progress.done / progress.total} />
          <Text>
            Logging… {progress.done} of {progress.total} done
          </Text>
        </div>
      )}
      {all.length > 0 && !running && (
        <>
          <div role="status" aria-label="Summary">
            {SUMMARY.map(({ outcome, label }) => (
              <div key={outcome}>
                {label}: {all.filter((result) => result.outcome === outcome).length}
              </div>
            ))}
          </div>
          {unmatched.length > 0 && (
            <>
              <Text weight="semibold">No matching customer</Text>
              <ul className={styles.list} aria-label="No matching customer">
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
              <Text weight="semibold">Failed</Text>
              <ul className={styles.list} aria-label="Failed">
                {failed.map((result) => (
                  <li key={result.messageId}>
                    {subject(result)}: {result.reason}
                  </li>
                ))}
              </ul>
              <Button onClick={() => void run(failed.map((result) => result.messageId))}>
                Retry {failed.length} failed
              </Button>
            </>
          )}
        </>
      )}
    </section>
  );
}
