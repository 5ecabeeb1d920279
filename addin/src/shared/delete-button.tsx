import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import { errorMessage } from "./error-message";

/** Deletes after a second click on "Confirm", so a slip of the mouse loses nothing. */
export function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
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
            {busy ? "Deleting…" : `Confirm: delete ${what}`}
          </Button>
          <Button size="small" onClick={() => setAsking(false)}>
            Keep
          </Button>
        </>
      ) : (
        <Button size="small" aria-label={`Delete ${what}`} onClick={() => setAsking(true)}>
          Delete
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
