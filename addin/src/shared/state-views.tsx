import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { errorMessage } from "./error-message";

/** The three states every loading view has, looking the same everywhere. */
export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} labelPosition="after" />;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{errorMessage(error)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            Try again
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
