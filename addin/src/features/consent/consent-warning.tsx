import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentChannel, ConsentChannelState } from "contract";
import type { RecordContact } from "./consent-channels";

/** The contact withdrew consent for this channel: said once, inline, with the choice to go on. */
export function ConsentWarning({
  name,
  state,
  onContinue,
  onCancel,
}: {
  name: string;
  state: ConsentChannelState;
  onContinue: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("consent");
  const { t: common } = useTranslation("common");
  const entry = state.current;
  const words = { name, channel: t(`channelsInText.${state.channel}`), meaning: t(`withdrawnInText.${state.channel}`) };
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("withdrawnTitle")}</MessageBarTitle>
        {entry ? t("withdrewWhen", { ...words, source: entry.source, date: entry.date }) : t("withdrew", words)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onContinue}>
          {t("continueAnyway")}
        </Button>
        <Button size="small" appearance="subtle" onClick={onCancel}>
          {common("cancel")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Wraps an action that reaches a contact through a channel: it runs at once, unless the contact
 * withdrew consent for that channel; then `warning` shows, and it runs only on "Continue anyway".
 * Nothing is blocked: the point is that the user saw it.
 */
export function useConsentWarning(): {
  guard: (contact: RecordContact | null | undefined, channel: ConsentChannel | null, action: () => void) => void;
  warning: ReactNode;
} {
  const [pending, setPending] = useState<{ name: string; state: ConsentChannelState; action: () => void } | null>(null);
  const guard = (contact: RecordContact | null | undefined, channel: ConsentChannel | null, action: () => void) => {
    const state = channel ? contact?.consent.find((candidate) => candidate.channel === channel) : undefined;
    if (contact && state?.status === "WITHDRAWN")
      setPending({ name: `${contact.firstName} ${contact.lastName}`, state, action });
    else action();
  };
  const warning = pending && (
    <ConsentWarning
      name={pending.name}
      state={pending.state}
      onContinue={() => {
        setPending(null);
        pending.action();
      }}
      onCancel={() => setPending(null)}
    />
  );
  return { guard, warning };
}
