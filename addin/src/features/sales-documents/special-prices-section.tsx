import { Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useFormat } from "../../i18n";
import { useState } from "react";
import type { SpecialPrice } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { errorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { useItemEditing } from "../../shared/use-item-editing";
import { SpecialPriceForm } from "./special-price-form";

const validity = (price: SpecialPrice) =>
  price.validFrom || price.validUntil ? `valid ${price.validFrom ?? "…"} – ${price.validUntil ?? "…"}` : "always valid";

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
  const format = useFormat();
  const layout = useLayoutStyles();
  const { api, me } = useServices();
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
    <section className={layout.form} aria-label="Special prices">
      <Text as="h3" weight="semibold" size={400}>
        Special prices
      </Text>
      {canManage && editing.open === undefined && (
        <div className={layout.buttons}>
          <Button onClick={editing.startNew}>Add special price</Button>
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
        <EmptyState>No special prices.</EmptyState>
      ) : (
        <ul className={layout.list}>
          {prices.map((price) => (
            <li key={price.id} className={layout.item} aria-label={`Special price ${price.item} ${price.currency}`}>
              <Text>
                {price.item} · {format.money(price.unitPrice, price.currency)}
                {Number(price.discountPercent) > 0 ? ` less ${price.discountPercent}%` : ""}
              </Text>
              <Caption1>
                {price.description ? `${price.description} · ` : ""}
                {validity(price)}
              </Caption1>
              {canManage && (
                <div className={layout.buttons}>
                  <Button size="small" onClick={() => editing.startEdit(price)}>
                    Edit {price.item} {price.currency}
                  </Button>
                  <Button size="small" onClick={() => remove(price)}>
                    Delete {price.item} {price.currency}
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
