import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useLayoutStyles } from "./layout-styles";
import { useTranslation } from "react-i18next";
import { isChangedElsewhere } from "./use-form-save";

/** The end of a form: what went wrong that no field shows, then save and cancel (or back). */
export function FormFooter({
  message,
  saving,
  submitLabel,
  onCancel,
  cancelLabel,
  disabled,
}: {
  message: string | null;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
  cancelLabel?: string;
  /** Saving makes no sense yet, e.g. a required field is empty. */
  disabled?: boolean;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("common");
  return (
    <>
      {message && (
        // A reload after a conflict is a warning: the user's change can simply be applied again.
        <MessageBar intent={isChangedElsewhere(message) ? "warning" : "error"} role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.buttons}>
        <Button appearance="primary" type="submit" disabled={saving || disabled}>
          {saving ? t("saving") : submitLabel}
        </Button>
        <Button onClick={onCancel}>{cancelLabel ?? t("cancel")}</Button>
      </div>
    </>
  );
}
