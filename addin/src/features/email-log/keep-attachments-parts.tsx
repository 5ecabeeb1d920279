import { Button, Caption1, Checkbox, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ATTACHMENT_MAX_BYTES, attachmentRefusal, attachmentTypeFor } from "contract/attachment-types";
import type { CrmApi } from "../../api/crm-api";
import type { MailAttachment, Mailbox } from "../../office/mail-item.types";
import { useLayoutStyles } from "../../shared/layout-styles";
import type { FileState } from "./keep-attachments";

// What "Keep attachments" needs only once a message has attachments, or once one is kept: loaded
// in a chunk of its own (keep-attachments.tsx), out of the pane's first download.

/** Reads one attachment from Outlook and sends it to the logged entry; its result, never a throw. */
export async function keepAttachment(
  services: { api: CrmApi; mailbox: Mailbox; errorMessage: (caught: unknown) => string },
  entryId: string,
  attachment: MailAttachment,
  saving: () => void,
): Promise<FileState> {
  // Over the limit the service would refuse it anyway: not read from Outlook, not sent, not retried.
  if (attachment.size > ATTACHMENT_MAX_BYTES)
    return { state: "too-large", message: attachmentRefusal.tooLarge(attachment.name) };
  saving();
  try {
    const content = await services.mailbox.attachmentContent(attachment);
    await services.api.keepEmailAttachment(entryId, {
      fileName: content.fileName,
      contentType: attachmentTypeFor(content.fileName, content.contentType),
      bytes: content.bytes,
    });
    return { state: "kept" };
  } catch (caught) {
    return { state: "failed", message: services.errorMessage(caught) };
  }
}

export function KeepCheckbox(props: { count: number; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation("emailLog", { keyPrefix: "attachments" });
  return (
    <Checkbox
      checked={props.checked}
      onChange={(_event, data) => props.onChange(data.checked === true)}
      label={t("keepCount", { count: props.count })}
    />
  );
}

/** Each attachment's result once keeping started, and a retry for those that failed. */
export interface KeptAttachmentsListProps {
  states: { attachment: MailAttachment; file: FileState | undefined }[];
  busy: boolean;
  onRetry: () => void;
}

export function KeptAttachmentsList(props: KeptAttachmentsListProps) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("emailLog", { keyPrefix: "attachments" });
  const { t: common } = useTranslation("common");
  const notKept = props.states.filter(({ file }) => file?.state === "failed" || file?.state === "too-large");
  const retryable = notKept.some(({ file }) => file?.state === "failed");
  return (
    <>
      <ul className={layout.list} aria-label={t("list")} aria-live="polite">
        {props.states.map(({ attachment, file }) => (
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
              <Button size="small" disabled={props.busy} onClick={props.onRetry}>
                {common("tryAgain")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </>
  );
}
