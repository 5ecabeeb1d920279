import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "./error-message";

/** Deletes after a second click on "Confirm", so a slip of the mouse loses nothing. */
export function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
  const { t } = useTranslation("common");
  const errorMessage = useErrorMessage();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (failure) {
      setError(failure);
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      {asking ? (
        <>
          <Button size="small" appearance="primary" onClick={() => void remove()} disabled={busy}>
            {busy ? t("deleting") : t("confirmDelete", { what })}
          </Button>
          <Button size="small" onClick={() => setAsking(false)}>
            {t("keep")}
          </Button>
        </>
      ) : (
        <Button size="small" aria-label={t("deleteWhat", { what })} onClick={() => setAsking(true)}>
          {t("delete")}
        </Button>
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
