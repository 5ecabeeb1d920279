import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useLayoutStyles } from "../../shared/layout-styles";

/** The end of every form in this tab: what the service refused that no field shows, save and back. */
export function SubmitFooter({
  message,
  saving,
  label,
  onCancel,
}: {
  message: string | null;
  saving: boolean;
  label: string;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  return (
    <>
      {message && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? "Saving…" : label}
        </Button>
        <Button onClick={onCancel}>Back</Button>
      </div>
    </>
  );
}
