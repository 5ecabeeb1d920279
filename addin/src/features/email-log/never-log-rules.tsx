import { Button, Caption1, Checkbox, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type NeverLogRule, NeverLogValue } from "contract";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../shared/error-message";
import { may } from "../../shared/may";
import { useServices } from "../../shared/services-context";
import { useActedList } from "../../shared/use-acted-list";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * Never-log rules: addresses and domains whose messages tracked conversations never log
 * automatically. Each user keeps their own; the organisation's apply to everyone and only an admin
 * (never-log:organization) adds or drops them; the others see them, read-only. The value is checked
 * here by the contract's own rule, and again by the service.
 */
export function NeverLogRules() {
  const styles = useStyles();
  const { t } = useTranslation("emailLog", { keyPrefix: "neverLog" });
  const errorMessage = useErrorMessage();
  const { api, me } = useServices();
  const admin = may(me, "never-log:organization");
  const { items: rules, busy, error, act } = useActedList<NeverLogRule>(() => api.neverLogRules(), [api]);
  const [value, setValue] = useState("");
  const [forEveryone, setForEveryone] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = NeverLogValue.safeParse(value);
    if (!parsed.success) {
      setInvalid(t("invalid"));
      return;
    }
    setInvalid(null);
    const scope = admin && forEveryone ? "ORGANIZATION" : "USER";
    if (await act(() => api.addNeverLogRule({ value: parsed.data, scope }))) {
      setValue("");
      setForEveryone(false);
    }
  };

  const own = rules?.filter((rule) => rule.scope === "USER") ?? [];
  const organisation = rules?.filter((rule) => rule.scope === "ORGANIZATION") ?? [];
  const item = (rule: NeverLogRule, removable: boolean) => (
    <li key={rule.id}>
      <Text>{rule.value}</Text>{" "}
      {removable && (
        <Button
          size="small"
          appearance="subtle"
          disabled={busy}
          aria-label={t("removeWhat", { value: rule.value })}
          onClick={() => act(() => api.removeNeverLogRule(rule.id))}
        >
          {t("remove")}
        </Button>
      )}
    </li>
  );

  return (
    <section aria-label={t("label")} className={styles.root}>
      <Caption1>{t("explain")}</Caption1>
      {rules === null && error === null && <Caption1>{t("loading")}</Caption1>}
      {rules !== null && (
        <>
          <div role="group" aria-label={t("yoursLabel")}>
            <Text weight="semibold" block>
              {t("yours")}
            </Text>
            {own.length === 0 ? (
              <Caption1>{t("noneYet")}</Caption1>
            ) : (
              <ul className={styles.list}>{own.map((rule) => item(rule, true))}</ul>
            )}
          </div>
          <div role="group" aria-label={t("organisationLabel")}>
            <Text weight="semibold" block>
              {t("organisation")}
            </Text>
            {organisation.length === 0 ? (
              <Caption1>{t("none")}</Caption1>
            ) : (
              <ul className={styles.list}>{organisation.map((rule) => item(rule, admin))}</ul>
            )}
            {!admin && organisation.length > 0 && <Caption1>{t("setByAdmin")}</Caption1>}
          </div>
        </>
      )}
      <form className={styles.form} onSubmit={add} aria-label={t("addLabel")}>
        <Field label={t("value")} validationState={invalid ? "error" : "none"} validationMessage={invalid ?? undefined}>
          <Input
            value={value}
            onChange={(_event, data) => {
              setValue(data.value);
              setInvalid(null);
            }}
            placeholder={t("placeholder")}
          />
        </Field>
        {admin && (
          <Checkbox
            label={t("forEveryone")}
            checked={forEveryone}
            onChange={(_event, data) => setForEveryone(data.checked === true)}
          />
        )}
        <div>
          <Button type="submit" disabled={busy || value.trim() === ""}>
            {t("add")}
          </Button>
        </div>
      </form>
      {error !== null && <Caption1 role="alert">{errorMessage(error)}</Caption1>}
    </section>
  );
}
