import { Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpecialPrice } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { useItemEditing } from "../../shared/use-item-editing";
import { useFormat } from "../../i18n";
import { SpecialPriceForm } from "./special-price-form";

/** Prices agreed with this customer; everyone sees them, managers and admins change them. */
export function SpecialPricesSection({
  customerId,
  prices,
  onChanged,
}: {
  customerId: string;
  prices: SpecialPrice[];
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("salesDocuments", { keyPrefix: "prices" });
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const { api, me } = useServices();
  const day = (isoDay: string | null) => (isoDay ? format.day(isoDay, "medium") : "…");
  const validity = (price: SpecialPrice) =>
    price.validFrom || price.validUntil
      ? t("validity", { from: day(price.validFrom), until: day(price.validUntil) })
      : t("always");
  // The service's rule (permission prices:manage): salesmen read them only.
  const canManage = may(me, "prices:manage");
  // One form at a time, as for the other lists of the record; but only managers change prices, the
  // form opens above the list, and a delete needs no confirmation (a price is quickly entered again).
  const editing = useItemEditing<SpecialPrice>(onChanged);
  const [error, setError] = useState<unknown>(null);
  const remove = async (price: SpecialPrice) => {
    setError(null);
    try {
      await api.deleteSpecialPrice(price.id);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className={layout.form} aria-label={t("heading")}>
      <Text as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {canManage && editing.open === undefined && (
        <div className={layout.buttons}>
          <Button onClick={editing.startNew}>{t("add")}</Button>
        </div>
      )}
      {editing.open !== undefined && (
        <SpecialPriceForm
          customerId={customerId}
          price={editing.open}
          onSaved={editing.saved}
          onCancel={editing.cancel}
        />
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {prices.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className={layout.list}>
          {prices.map((price) => (
            <li
              key={price.id}
              className={layout.item}
              aria-label={t("label", { item: price.item, currency: price.currency })}
            >
              <Text>
                {price.item} ·{" "}
                {Number(price.discountPercent) > 0
                  ? t("less", {
                      price: format.money(price.unitPrice, price.currency),
                      percent: format.number(Number(price.discountPercent)),
                    })
                  : format.money(price.unitPrice, price.currency)}
              </Text>
              <Caption1>
                {price.description ? `${price.description} · ` : ""}
                {validity(price)}
              </Caption1>
              {canManage && (
                <div className={layout.buttons}>
                  <Button size="small" onClick={() => editing.startEdit(price)}>
                    {t("edit", { item: price.item, currency: price.currency })}
                  </Button>
                  <Button size="small" onClick={() => remove(price)}>
                    {t("delete", { item: price.item, currency: price.currency })}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
