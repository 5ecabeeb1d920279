import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ATTACHMENT_MAX_BYTES, attachmentRefusal, attachmentTypeFor } from "contract";
import { useServices } from "../../shared/services-context";
import type { MailAttachment, MailItem } from "../../office/mail-item.types";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";

const useStyles = makeStyles({ wide: { flexBasis: "100%" } });

type FileState =
  | { state: "saving" }
  | { state: "kept" }
  | { state: "failed"; message: string }
  | { state: "too-large"; message: string };

/**
 * "Keep attachments" of the log-email flow: which of the message's attachments can be kept (files
 * and attached messages; inline images are part of the body, cloud files are only links), and
 * after logging, each one read from Outlook and sent to the logged entry, with a result per file.
 * The service keeps each name and content once per entry, so a retry or a colleague cannot
 * duplicate.
 */
export function useKeepAttachments(item: MailItem) {
  const { api, mailbox } = useServices();
  const errorMessage = useErrorMessage();
  // An Outlook without Mailbox 1.8 cannot hand out an attachment's bytes: nothing to offer, and the
  // pane's capability notice says so once (features/capabilities).
  const readable = mailbox.capabilities().has("attachments");
  const attached = readable ? item.attachments.filter((attachment) => !attachment.isInline) : [];
  const keepable = attached.filter((attachment) => attachment.kind !== "cloud");
  const cloud = attached.filter((attachment) => attachment.kind === "cloud");
  const messageId = item.internetMessageId;
  const [wanted, setWanted] = useState(false);
  // Keyed by message: a pinned pane moving to the next email starts afresh.
  const [progress, setProgress] = useState<{ messageId: string | null; files: Record<string, FileState> }>({
    messageId,
    files: {},
  });
  const files = progress.messageId === messageId ? progress.files : {};
  const set = (id: string, state: FileState) =>
    setProgress((current) => ({
      messageId,
      files: { ...(current.messageId === messageId ? current.files : {}), [id]: state },
    }));

  const keepOne = async (entryId: string, attachment: MailAttachment) => {
    // Over the limit the service would refuse it anyway: not read from Outlook, not sent, not retried.
    if (attachment.size > ATTACHMENT_MAX_BYTES)
      return set(attachment.id, { state: "too-large", message: attachmentRefusal.tooLarge(attachment.name) });
    set(attachment.id, { state: "saving" });
    try {
      const content = await mailbox.attachmentContent(attachment);
      await api.keepEmailAttachment(entryId, {
        fileName: content.fileName,
        contentType: attachmentTypeFor(content.fileName, content.contentType),
        bytes: content.bytes,
      });
      set(attachment.id, { state: "kept" });
    } catch (caught) {
      set(attachment.id, { state: "failed", message: errorMessage(caught) });
    }
  };
  /** One after the other: Outlook reads one attachment at a time best, and each gets its own answer. */
  const keepAll = async (entryId: string, which: MailAttachment[]) => {
    for (const attachment of which) await keepOne(entryId, attachment);
  };

  return {
    keepable,
    cloud,
    wanted,
    setWanted,
    files,
    /** After logging: keeps them when the box was ticked. */
    afterLogged: (entryId: string) => (wanted && keepable.length > 0 ? keepAll(entryId, keepable) : Promise.resolve()),
    keepAll: (entryId: string) => keepAll(entryId, keepable),
    retry: (entryId: string) =>
      keepAll(
        entryId,
        keepable.filter((attachment) => files[attachment.id]?.state === "failed"),
      ),
  };
}

export type KeepAttachments = ReturnType<typeof useKeepAttachments>;

/** The check box before logging; shown only when the message has attachments of its own. */
export function KeepAttachmentsOption({ keep }: { keep: KeepAttachments }) {
  const styles = useStyles();
  const { t } = useTranslation("emailLog", { keyPrefix: "attachments" });
  if (keep.keepable.length === 0 && keep.cloud.length === 0) return null;
  return (
    <div className={styles.wide}>
      {keep.keepable.length > 0 && (
        <Checkbox
          checked={keep.wanted}
          onChange={(_event, data) => keep.setWanted(data.checked === true)}
          label={t("keepCount", { count: keep.keepable.length })}
        />
      )}
      {keep.cloud.length > 0 && <CloudNote cloud={keep.cloud} />}
    </div>
  );
}

function CloudNote({ cloud }: { cloud: MailAttachment[] }) {
  const { t } = useTranslation("emailLog", { keyPrefix: "attachments" });
  return <Caption1 as="p">{t("cloud", { names: cloud.map((attachment) => attachment.name).join(", ") })}</Caption1>;
}

/**
 * Once logged: each attachment's result, a retry for those that failed, and (for a message logged
 * before, or logged without them) a button to keep them now.
 */
export function KeptAttachments({ keep, entryId }: { keep: KeepAttachments; entryId: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { t } = useTranslation("emailLog", { keyPrefix: "attachments" });
  const { t: common } = useTranslation("common");
  const [busy, setBusy] = useState(false);
  if (keep.keepable.length === 0) return null;
  const states = keep.keepable.map((attachment) => ({ attachment, file: keep.files[attachment.id] }));
  const started = states.some(({ file }) => file);
  const notKept = states.filter(({ file }) => file?.state === "failed" || file?.state === "too-large");
  const retryable = notKept.some(({ file }) => file?.state === "failed");
  const run = async (action: (entryId: string) => Promise<void>) => {
    setBusy(true);
    await action(entryId);
    setBusy(false);
  };

  if (!started)
    return (
      <div className={styles.wide}>
        <Button size="small" disabled={busy} onClick={() => void run(keep.keepAll)}>
          {t("keepCount", { count: keep.keepable.length })}
        </Button>
      </div>
    );
  return (
    <div className={styles.wide}>
      <ul className={layout.list} aria-label={t("list")} aria-live="polite">
        {states.map(({ attachment, file }) => (
          <li key={attachment.id}>
            <Caption1>
              {attachment.name}:{" "}
              {file?.state === "kept"
                ? t("kept")
                : file?.state === "failed" || file?.state === "too-large"
                  ? t("notKeptBecause", { message: file.message })
                  : file?.state === "saving"
                    ? t("keeping")
                    : t("notKept")}
            </Caption1>
          </li>
        ))}
      </ul>
      {notKept.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t("someNotKept", { count: notKept.length })}</MessageBarBody>
          {retryable && (
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={() => void run(keep.retry)}>
                {common("tryAgain")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </div>
  );
}
