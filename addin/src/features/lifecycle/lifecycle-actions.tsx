import { Button, Field, MessageBar, MessageBarBody, Text, Textarea } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer, LifecycleSection, LifecycleTransition } from "contract";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";

type Step = "release" | "approve" | "decline";
const STEP: Record<LifecycleTransition, Step> = { RELEASE: "release", APPROVE: "approve", DECLINE: "decline" };

/**
 * The lifecycle actions the service says this user may take now: a salesman releases a new
 * customer (after a confirmation), the accounts department approves it or declines it with a reason.
 */
export function LifecycleActions({
  customer,
  lifecycle,
  onChanged,
}: {
  customer: Customer;
  lifecycle: LifecycleSection;
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("lifecycle");
  const { t: common } = useTranslation("common");
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const [open, setOpen] = useState<Step | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (lifecycle.allowedTransitions.length === 0) return null;

  const run = async (step: Step) => {
    setBusy(true);
    setError(null);
    try {
      await api.changeLifecycle(customer.id, step, customer.version, step === "decline" ? reason.trim() : undefined);
      setOpen(null);
      setReason("");
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (open) void run(open);
  };

  return (
    <div className={layout.form}>
      <div className={layout.buttons} role="group" aria-label={t("group")}>
        {lifecycle.allowedTransitions.map((transition) => {
          const step = STEP[transition];
          return step === "approve" ? (
            <Button key={step} appearance="primary" disabled={busy} onClick={() => void run(step)}>
              {t(`steps.${step}`)}
            </Button>
          ) : (
            <Button
              key={step}
              disabled={busy}
              aria-expanded={open === step}
              onClick={() => setOpen(open === step ? null : step)}
            >
              {t(`steps.${step}`)}
            </Button>
          );
        })}
      </div>
      {open === "release" && (
        <form className={layout.form} aria-label={t("releaseForm")} onSubmit={submit}>
          <Text>{t("releaseQuestion", { name: customer.name })}</Text>
          <div className={layout.buttons}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t("release")}
            </Button>
            <Button onClick={() => setOpen(null)}>{common("cancel")}</Button>
          </div>
        </form>
      )}
      {open === "decline" && (
        <form className={layout.form} aria-label={t("declineForm")} onSubmit={submit}>
          <Field label={t("reason")} required hint={t("reasonHint")}>
            <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <div className={layout.buttons}>
            <Button appearance="primary" type="submit" disabled={busy || reason.trim() === ""}>
              {t("decline")}
            </Button>
            <Button onClick={() => setOpen(null)}>{common("cancel")}</Button>
          </div>
        </form>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
