import { Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n";
import { useServices } from "../../shared/services-context";
import { type MailItem, mailboxOf } from "../../office/mail-item.types";
import { useErrorMessage } from "../../shared/error-message";
import { emailLogStatusKey, takePrefetched } from "../../shared/prefetch";
import { useAsync } from "../../shared/use-async";
import { SHORTCUTS, ShortcutButton } from "../../shared/shortcut-button";
import { type RecordContact, useConsentWarning } from "../consent";
import { emailLogPayload } from "./email-log-payload";
import { KeepAttachmentsOption, KeptAttachments, useKeepAttachments } from "./keep-attachments";

const useStyles = makeStyles({
  logged: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexBasis: "100%" },
  mark: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Journey 2: one click logs the message for this customer. Whether it is logged comes from the
 * service (by internetMessageId), so "Logged" shows on any device and for colleagues too.
 */
export function LogEmailButton({
  item,
  customerId,
  contactId,
  contact,
  onLogged,
}: {
  item: MailItem;
  customerId: string;
  contactId: string | null;
  /** The sender as a contact of this customer: logging warns when they withdrew e-mail consent. */
  contact?: RecordContact | null;
  onLogged: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation("emailLog");
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { api, mailbox, me } = useServices();
  const messageId = item.internetMessageId!;
  // The email view asked already, together with the lookup (prefetch); after logging, anew.
  const status = useAsync(
    () => takePrefetched(api, emailLogStatusKey(messageId), () => api.emailLogStatus(messageId)),
    [messageId],
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const consent = useConsentWarning();
  const here = status.data?.entries.find((entry) => entry.customerId === customerId);
  const keep = useKeepAttachments(item);

  const log = async () => {
    setSaving(true);
    setError(null);
    try {
      const body = await mailbox.body();
      const logged = await api.logEmail(
        emailLogPayload(item, body, customerId, contactId, mailboxOf(item, mailbox.userEmail())),
      );
      status.reload();
      onLogged();
      // Logged first, then the files: each reports its own result and can be retried.
      void keep.afterLogged(logged.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  if (here)
    return (
      <>
        <div className={styles.logged} role="status">
          <span className={styles.mark}>{t("logged")}</span>{" "}
          <Caption1>
            {t("loggedBy", { name: here.loggedBy.name, when: format.dateTime(here.loggedAt, me.timeZone) })}
          </Caption1>
        </div>
        <KeptAttachments keep={keep} entryId={here.id} />
      </>
    );
  return (
    <>
      <KeepAttachmentsOption keep={keep} />
      <ShortcutButton
        shortcut={SHORTCUTS.logEmail}
        tip={t("logTip")}
        appearance="primary"
        onClick={() => consent.guard(contact, "EMAIL", () => void log())}
        disabled={saving || status.status === "loading"}
      >
        {saving ? t("logging") : t("logThis")}
      </ShortcutButton>
      {consent.warning}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
