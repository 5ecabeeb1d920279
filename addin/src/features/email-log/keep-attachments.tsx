import { Button, Caption1, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import type { MailAttachment, MailItem } from "../../office/mail-item.types";
import { useErrorMessage } from "../../shared/error-message";
import { preloadable } from "../../shared/preloadable";
import type { KeptAttachmentsListProps } from "./keep-attachments-parts";

// The check box, the results list and the reading of an attachment, in a chunk of their own: most
// messages have no attachment of their own, and the first draw does not wait for them.
const parts = preloadable(() => import("./keep-attachments-parts.js"));

const useStyles = makeStyles({
  wide: { flexBasis: "100%" },
  // The check box's height while its chunk arrives: the log button below does not jump.
  placeholder: { flexBasis: "100%", minHeight: "32px" },
});

export type FileState =
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
    const { keepAttachment } = await parts.preload();
    const saving = () => set(attachment.id, { state: "saving" });
    set(attachment.id, await keepAttachment({ api, mailbox, errorMessage }, entryId, attachment, saving));
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
  if (keep.keepable.length === 0 && keep.cloud.length === 0) return null;
  return (
    <div className={styles.wide}>
      {keep.keepable.length > 0 && <KeepOption keep={keep} />}
      {keep.cloud.length > 0 && <CloudNote cloud={keep.cloud} />}
    </div>
  );
}

function KeepOption({ keep }: { keep: KeepAttachments }) {
  const styles = useStyles();
  const loaded = parts.use();
  if (!loaded) return <div className={styles.placeholder} />;
  return <loaded.KeepCheckbox count={keep.keepable.length} checked={keep.wanted} onChange={keep.setWanted} />;
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
  const { t } = useTranslation("emailLog", { keyPrefix: "attachments" });
  const [busy, setBusy] = useState(false);
  if (keep.keepable.length === 0) return null;
  const states = keep.keepable.map((attachment) => ({ attachment, file: keep.files[attachment.id] }));
  const run = async (action: (entryId: string) => Promise<void>) => {
    setBusy(true);
    await action(entryId);
    setBusy(false);
  };
  if (!states.some(({ file }) => file))
    return (
      <div className={styles.wide}>
        <Button size="small" disabled={busy} onClick={() => void run(keep.keepAll)}>
          {t("keepCount", { count: keep.keepable.length })}
        </Button>
      </div>
    );
  return (
    <div className={styles.wide}>
      <KeptList states={states} busy={busy} onRetry={() => void run(keep.retry)} />
    </div>
  );
}

// Shown only after keepOne waited for the chunk, so it is there; undefined only for a moment.
function KeptList(props: KeptAttachmentsListProps) {
  const loaded = parts.use();
  return loaded ? <loaded.KeptAttachmentsList {...props} /> : null;
}
