import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ConsentChannelState } from "contract";

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
