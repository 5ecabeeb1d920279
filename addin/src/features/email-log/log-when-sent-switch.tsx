import { Caption1, Checkbox, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../shared/error-message";
import { useServices } from "../../shared/services-context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, flexBasis: "100%" },
});

/**
 * Compose: "Log when sent". It starts from the user's default (log sent messages to the matched
 * customer) and shows this record, the recipients' match; the choice goes to the message's session
 * data, where Outlook's OnMessageSend handler reads it when the user presses Send, pane open or not.
 */
export function LogWhenSentSwitch({ customerId, contactId }: { customerId: string; contactId: string | null }) {
  const styles = useStyles();
  const { t } = useTranslation("emailLog", { keyPrefix: "whenSent" });
  const errorMessage = useErrorMessage();
  const { mailbox } = useServices();
  const store = mailbox.logOnSend;
  const supported = store?.supported() ?? false;
  const [on, setOn] = useState<boolean | null>(null);
  const [byDefault, setByDefault] = useState(() => (supported ? store!.defaultOn() : false));
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!store || !supported) return;
    let live = true;
    void (async () => {
      const stored = await store.choice().catch(() => null);
      // A "no" stays no; a "yes" for another record of the recipients now means this one.
      const next =
        stored && (!stored.log || (stored.customerId ?? null) === customerId) ? stored.log : store.defaultOn();
      if (!live) return;
      setOn(next);
      // Written even when unchanged: the handler then logs where the pane showed, not a fresh guess.
      await store.choose({ log: next, customerId, contactId }).catch(setError);
    })();
    return () => {
      live = false;
    };
  }, [store, supported, customerId, contactId]);

  if (!store || !supported || on === null) return null;
  const choose = (log: boolean) => {
    setOn(log);
    setError(null);
    store.choose({ log, customerId, contactId }).catch(setError);
  };
  const changeDefault = (value: boolean) => {
    setByDefault(value);
    store.setDefaultOn(value).catch(setError);
  };
  return (
    <div className={styles.root}>
      <Switch label={t("label")} checked={on} onChange={(_event, data) => choose(data.checked)} />
      <Checkbox
        label={t("byDefault")}
        checked={byDefault}
        onChange={(_event, data) => changeDefault(data.checked === true)}
      />
      {error !== null && <Caption1 role="alert">{errorMessage(error)}</Caption1>}
    </div>
  );
}
