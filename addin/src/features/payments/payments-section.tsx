import { Badge, Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PaymentAgreement } from "contract";
import { useFormat } from "../../i18n";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { AgreementForm } from "./agreement-form";
import { PaymentForm } from "./payment-form";

const STATUS_COLOR = { PROPOSED: "warning", APPROVED: "success", REJECTED: "danger" } as const;

/**
 * Agreements to pay the customer (fees, rebates) with what remains of each: anyone proposes one and
 * records payments against an approved one; Approve and Reject are offered to managers only (the
 * service refuses anyone else anyway).
 */
export function PaymentsSection({
  customerId,
  agreements,
  onChanged,
}: {
  customerId: string;
  agreements: PaymentAgreement[];
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("payments");
  const { me } = useServices();
  const [proposing, setProposing] = useState(false);
  const [paying, setPaying] = useState<string | null>(null);
  const saved = () => {
    setProposing(false);
    setPaying(null);
    onChanged();
  };
  return (
    <section className={layout.form} aria-labelledby="payments-heading">
      <Text id="payments-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {agreements.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <ul className={layout.list} aria-labelledby="payments-heading">
          {agreements.map((agreement) => (
            <li key={agreement.id} className={layout.item}>
              <Agreement
                agreement={agreement}
                mayDecide={may(me, "payments:approve")}
                onPay={() => setPaying(agreement.id)}
                onChanged={onChanged}
              />
              {paying === agreement.id && (
                <PaymentForm agreement={agreement} onSaved={saved} onCancel={() => setPaying(null)} />
              )}
            </li>
          ))}
        </ul>
      )}
      {proposing ? (
        <AgreementForm customerId={customerId} onSaved={saved} onCancel={() => setProposing(false)} />
      ) : (
        <div>
          <Button onClick={() => setProposing(true)}>{t("propose")}</Button>
        </div>
      )}
    </section>
  );
}

function Agreement({
  agreement,
  mayDecide,
  onPay,
  onChanged,
}: {
  agreement: PaymentAgreement;
  mayDecide: boolean;
  onPay: () => void;
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("payments");
  const format = useFormat();
  const { api } = useServices();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState(false);
  const money = (amount: string) => format.money(amount, agreement.currency);
  const decide = async (decision: "APPROVED" | "REJECTED") => {
    setDeciding(true);
    setError(null);
    try {
      await api.decidePaymentAgreement(agreement.id, { decision });
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setDeciding(false);
    }
  };
  return (
    <>
      <Text>
        {agreement.purpose}{" "}
        <Badge appearance="tint" color={STATUS_COLOR[agreement.status]}>
          {t(`status.${agreement.status}`)}
        </Badge>
      </Text>
      <Caption1>
        {[
          t("remaining", { remaining: money(agreement.remaining), amount: money(agreement.amount) }),
          t("period", {
            from: format.day(agreement.periodFrom, "medium"),
            to: format.day(agreement.periodTo, "medium"),
          }),
          agreement.decidedBy &&
            t("decidedBy", { status: t(`status.${agreement.status}`), name: agreement.decidedBy.name }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </Caption1>
      {agreement.payments.length > 0 && (
        <ul className={layout.list} aria-label={t("payments")}>
          {agreement.payments.map((payment) => (
            <li key={payment.id}>
              <Caption1>
                {t("paymentLine", { amount: money(payment.amount), day: format.day(payment.paidOn, "medium") })}
                {payment.reference && ` · ${payment.reference}`}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <div className={layout.buttons}>
        {agreement.status === "PROPOSED" && mayDecide && (
          <>
            <Button size="small" appearance="primary" disabled={deciding} onClick={() => void decide("APPROVED")}>
              {t("approve")}
            </Button>
            <Button size="small" disabled={deciding} onClick={() => void decide("REJECTED")}>
              {t("reject")}
            </Button>
          </>
        )}
        {agreement.status === "APPROVED" && Number(agreement.remaining) > 0 && (
          <Button size="small" onClick={onPay}>
            {t("recordPayment")}
          </Button>
        )}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
