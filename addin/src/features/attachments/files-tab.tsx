import {
  Button,
  Caption1,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { ALLOWED_ATTACHMENT_EXTENSIONS, type Attachment, attachmentTypeFor } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState, ErrorState, Loading } from "../../shared/state-views";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { useFormat } from "../../i18n";
import { may } from "../../shared/may";
import type { AttachmentParent } from "../../api/attachments-api";
import type { RecordTabContext } from "../../shared/record-tab.types";
import { kindOf, whereOf } from "./file-labels";
import { useDownload } from "./use-download";

const useStyles = makeStyles({
  upload: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  name: { alignSelf: "flex-start", textAlign: "start", wordBreak: "break-word" },
});

/** Every file on the customer's record, with upload, download and (for one's own) delete. */
export function FilesTab({ record }: RecordTabContext) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { t } = useTranslation("attachments");
  const { t: common } = useTranslation("common");
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { api, me } = useServices();
  const customerId = record.customer.id;
  const files = useAsync(() => api.attachments("customers", customerId), [customerId]);
  const { download, error: downloadError } = useDownload();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const targets = targetsOf(record, t);
  const [target, setTarget] = useState("customers:");

  const upload = async (chosen: File[]) => {
    setUploading(true);
    setProblems([]);
    const failed: string[] = [];
    // One at a time: each file gets its own answer, and one refusal does not stop the others.
    for (const file of chosen) {
      try {
        const [parent, parentId] = target.split(":") as [AttachmentParent, string];
        await api.uploadAttachment(parent, parentId || customerId, {
          fileName: file.name,
          contentType: attachmentTypeFor(file.name, file.type),
          bytes: file,
        });
      } catch (caught) {
        const message = errorMessage(caught);
        failed.push(message.includes(file.name) ? message : `${file.name}: ${message}`);
      }
    }
    setProblems(failed);
    setUploading(false);
    if (input.current) input.current.value = "";
    files.reload();
  };

  const remove = async (attachment: Attachment) => {
    setDeleteError(null);
    try {
      await api.deleteAttachment(attachment.id);
      setConfirming(null);
      files.reload();
    } catch (caught) {
      setDeleteError(caught);
    }
  };
  const mayDelete = (attachment: Attachment) => may(me, "attachments:delete", { ownerId: attachment.uploadedBy.id });

  return (
    <section aria-labelledby="files-heading" className={layout.form}>
      <Text id="files-heading" as="h3" weight="semibold" size={400}>
        {files.data ? t("headingCount", { count: files.data.items.length }) : t("heading")}
      </Text>
      <div className={styles.upload}>
        <Field label={t("attachTo")}>
          <Select value={target} onChange={(_event, data) => setTarget(data.value)}>
            {targets.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <Label htmlFor={inputId}>{t("upload")}</Label>
        <input
          id={inputId}
          ref={input}
          type="file"
          multiple
          disabled={uploading}
          accept={ALLOWED_ATTACHMENT_EXTENSIONS.join(",")}
          onChange={(event) => {
            const chosen = [...(event.target.files ?? [])];
            if (chosen.length > 0) void upload(chosen);
          }}
        />
        <Caption1>{t("allowed")}</Caption1>
        {uploading && <Loading label={t("uploading")} />}
      </div>
      {problems.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {problems.length === 1 ? (
              problems[0]
            ) : (
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {downloadError !== null && <ErrorState error={downloadError} />}
      {deleteError !== null && <ErrorState error={deleteError} />}
      {files.status === "loading" && <Loading label={t("loading")} />}
      {files.status === "error" && <ErrorState error={files.error} onRetry={files.reload} />}
      {files.status === "ready" &&
        (files.data.items.length === 0 ? (
          <EmptyState>{t("none")}</EmptyState>
        ) : (
          <ul className={layout.list} aria-label={t("heading")}>
            {files.data.items.map((attachment) => (
              <li key={attachment.id} className={layout.item}>
                <Button
                  appearance="transparent"
                  className={styles.name}
                  aria-label={t("download", { name: attachment.fileName })}
                  onClick={() => void download(attachment)}
                >
                  {attachment.fileName}
                </Button>
                <Caption1>
                  {kindOf(attachment.contentType, t)} · {format.bytes(attachment.size)} · {whereOf(attachment, t)}
                </Caption1>
                <Caption1>
                  {attachment.uploadedBy.name}, {format.dateTime(attachment.uploadedAt, me.timeZone)}
                </Caption1>
                {mayDelete(attachment) &&
                  (confirming === attachment.id ? (
                    <div className={layout.buttons}>
                      <Button size="small" appearance="primary" onClick={() => void remove(attachment)}>
                        {t("deleteForGood", { name: attachment.fileName })}
                      </Button>
                      <Button size="small" onClick={() => setConfirming(null)}>
                        {t("keepIt")}
                      </Button>
                    </div>
                  ) : (
                    <div className={layout.buttons}>
                      <Button
                        size="small"
                        aria-label={common("deleteWhat", { what: attachment.fileName })}
                        onClick={() => setConfirming(attachment.id)}
                      >
                        {common("delete")}
                      </Button>
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

const LABEL_MAX = 60;
const shorten = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/** Where an upload can go: the customer, or one of the activities and notes its record shows. */
function targetsOf(record: RecordTabContext["record"], t: TFunction<"attachments">) {
  const activities = [...record.activities.future, ...record.activities.history];
  return [
    { value: "customers:", label: t("targetCustomer") },
    ...activities.map((activity) => ({
      value: `activities:${activity.id}`,
      label: t("targetActivity", { subject: shorten(activity.subject) }),
    })),
    ...record.notes.map((note) => ({
      value: `notes:${note.id}`,
      label: t("targetNote", { text: shorten(note.bodyText.trim() || t("noText")) }),
    })),
  ];
}
