import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "./error-message";

/** The three states every loading view has, looking the same everywhere. */
export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} labelPosition="after" />;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation("common");
  const errorMessage = useErrorMessage();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{errorMessage(error)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t("tryAgain")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text as="p" italic>
      {children}
    </Text>
  );
}
