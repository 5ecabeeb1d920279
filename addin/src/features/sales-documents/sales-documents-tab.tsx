import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTUAL_CUSTOMER_STATUS, orderRefusals } from "contract";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { useAsync } from "../../shared/use-async";
import { useLayoutStyles } from "../../shared/layout-styles";
import type { RecordTabContext } from "../../shared/record-tab.types";
import { DocumentList } from "./document-list";
import { type Editing, SalesDocumentEditor } from "./sales-document-editor";
import { SpecialPricesSection } from "./special-prices-section";
import { CrossReferencesSection } from "./cross-references-section";
import { OrderImportSection } from "./order-import-section";
import { may } from "../../shared/may";

/**
 * The customer's quotes and orders and the prices agreed with it. Loads its own lists, so the
 * record call stays light for everyone who never opens this tab.
 */
export function SalesDocumentsTab({ record }: RecordTabContext) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("salesDocuments");
  const { api, me } = useServices();
  const { customer } = record;
  const lists = useAsync(
    () =>
      Promise.all([
        api.quotes(customer.id),
        api.orders(customer.id),
        api.specialPrices(customer.id),
        api.crossReferences(customer.id),
      ]),
    [customer.id],
  );
  const [editing, setEditing] = useState<Editing | null>(null);
  // The service's own rule (status 1 and ACTIVE), so the pane explains instead of offering a form it would refuse.
  const refusals = orderRefusals({ statusCode: customer.status.code, lifecycle: customer.lifecycle });
  // The same sentence as the service's 409, in the pane's language.
  const refusal = t("refusal.sentence", {
    reasons: refusals
      .map((reason) =>
        reason.field === "customer.status"
          ? t("refusal.status", { code: customer.status.code, required: ACTUAL_CUSTOMER_STATUS })
          : t("refusal.lifecycle", { state: customer.lifecycle }),
      )
      .join(t("refusal.and")),
  });

  if (lists.status === "loading") return <Loading label={t("loading")} />;
  if (lists.status === "error") return <ErrorState error={lists.error} onRetry={lists.reload} />;
  const [quotes, orders, prices, references] = lists.data;
  const saved = () => {
    setEditing(null);
    lists.reload();
  };

  return (
    <>
      <section className={layout.form} aria-label={t("heading")}>
        <Text as="h3" weight="semibold" size={400}>
          {t("heading")}
        </Text>
        {refusals.length > 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t("refusedTitle")}</MessageBarTitle>
              {refusal}
            </MessageBarBody>
          </MessageBar>
        ) : editing ? (
          <SalesDocumentEditor
            key={editing.document?.id ?? `new-${editing.kind}`}
            customerId={customer.id}
            editing={editing}
            prices={prices.items}
            references={references.items}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <div className={layout.buttons}>
            <Button appearance="primary" onClick={() => setEditing({ kind: "quote", document: null })}>
              {t("newQuote")}
            </Button>
            {/* An order taken by phone goes in directly, without a quote first. */}
            <Button onClick={() => setEditing({ kind: "order", document: null })}>{t("newOrder")}</Button>
          </div>
        )}
        <DocumentList
          quotes={quotes.items}
          orders={orders.items}
          canChange={refusals.length === 0}
          salesmen={customer.salesmen}
          onEdit={setEditing}
          onChanged={lists.reload}
        />
      </section>
      {refusals.length === 0 && may(me, "orders:import", { salesmen: customer.salesmen }) && (
        <OrderImportSection customerId={customer.id} onImported={lists.reload} />
      )}
      <SpecialPricesSection customerId={customer.id} prices={prices.items} onChanged={lists.reload} />
      <CrossReferencesSection
        customerId={customer.id}
        salesmen={customer.salesmen}
        references={references.items}
        onChanged={lists.reload}
      />
    </>
  );
}
