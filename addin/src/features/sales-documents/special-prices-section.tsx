import { Caption1, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { SpecialPrice } from "contract";
import { ManagedListSection } from "../../shared/managed-list-section";
import { useServices } from "../../shared/services-context";
import { may } from "../../shared/may";
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
  const { t } = useTranslation("salesDocuments", { keyPrefix: "prices" });
  const format = useFormat();
  const { api, me } = useServices();
  const day = (isoDay: string | null) => (isoDay ? format.day(isoDay, "medium") : "…");
  const validity = (price: SpecialPrice) =>
    price.validFrom || price.validUntil
      ? t("validity", { from: day(price.validFrom), until: day(price.validUntil) })
      : t("always");
  const named = (price: SpecialPrice) => ({ item: price.item, currency: price.currency });
  return (
    <ManagedListSection
      title={t("heading")}
      items={prices}
      empty={t("empty")}
      // The service's rule (permission prices:manage): salesmen read them only.
      canChange={may(me, "prices:manage")}
      addLabel={t("add")}
      form={({ existing, onSaved, onCancel }) => (
        <SpecialPriceForm customerId={customerId} price={existing} onSaved={onSaved} onCancel={onCancel} />
      )}
      itemLabel={(price) => t("label", named(price))}
      editLabel={(price) => t("edit", named(price))}
      deleteLabel={(price) => t("delete", named(price))}
      remove={(price) => api.deleteSpecialPrice(price.id)}
      onChanged={onChanged}
    >
      {(price) => (
        <>
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
        </>
      )}
    </ManagedListSection>
  );
}
