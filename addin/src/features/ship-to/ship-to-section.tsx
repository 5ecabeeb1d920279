import { Button, Caption1, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ShipTo } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { DeleteButton } from "../../shared/delete-button";
import { ShipToForm } from "./ship-to-form";

const oneLine = (address: ShipTo) =>
  [address.street, [address.postalCode, address.city].filter(Boolean).join(" "), address.region, address.country]
    .filter(Boolean)
    .join(", ");

/** Where goods go besides the main address. */
export function ShipToSection({
  customerId,
  addresses,
  onChanged,
}: {
  customerId: string;
  addresses: ShipTo[];
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const { api } = useServices();
  const [editing, setEditing] = useState<ShipTo | "new" | null>(null);
  const form = (existing: ShipTo | null) => (
    <ShipToForm
      customerId={customerId}
      existing={existing}
      onSaved={() => {
        setEditing(null);
        onChanged();
      }}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <section className={layout.form} aria-labelledby="ship-to-heading">
      <Text id="ship-to-heading" as="h3" weight="semibold" size={400}>
        Ship-to addresses
      </Text>
      {addresses.length === 0 ? (
        <EmptyState>No ship-to addresses; goods go to the main address.</EmptyState>
      ) : (
        <ul className={layout.list} aria-label="Ship-to addresses">
          {addresses.map((address) => {
            const label = address.name ?? oneLine(address);
            return editing !== "new" && editing?.id === address.id ? (
              <li key={address.id}>{form(address)}</li>
            ) : (
              <li key={address.id} className={layout.item}>
                {address.name && <Text>{address.name}</Text>}
                <Caption1>{oneLine(address)}</Caption1>
                <div className={layout.buttons}>
                  <Button size="small" aria-label={`Edit ${label}`} onClick={() => setEditing(address)}>
                    Edit
                  </Button>
                  <DeleteButton
                    what={label}
                    onDelete={async () => {
                      await api.deleteShipTo(address.id);
                      onChanged();
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing === "new" ? form(null) : <Button onClick={() => setEditing("new")}>Add ship-to address</Button>}
    </section>
  );
}
