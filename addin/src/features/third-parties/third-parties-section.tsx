import { Button, Caption1, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { ThirdParty } from "contract";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { DeleteButton } from "../../shared/delete-button";
import { ThirdPartyForm } from "./third-party-form";

/** Who else is involved with the customer (tax adviser, leasing company…), with their contract. */
export function ThirdPartiesSection({
  customerId,
  thirdParties,
  onChanged,
}: {
  customerId: string;
  thirdParties: ThirdParty[];
  onChanged: () => void;
}) {
  const layout = useLayoutStyles();
  const { api } = useServices();
  const [editing, setEditing] = useState<ThirdParty | "new" | null>(null);
  const saved = () => {
    setEditing(null);
    onChanged();
  };
  const form = (existing: ThirdParty | null) => (
    <ThirdPartyForm
      customerId={customerId}
      existing={existing}
      onSaved={saved}
      onConflict={onChanged}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <section className={layout.form} aria-labelledby="third-parties-heading">
      <Text id="third-parties-heading" as="h3" weight="semibold" size={400}>
        Third parties
      </Text>
      {thirdParties.length === 0 ? (
        <EmptyState>No third parties.</EmptyState>
      ) : (
        <ul className={layout.list} aria-label="Third parties">
          {thirdParties.map((party) =>
            editing !== "new" && editing?.id === party.id ? (
              <li key={party.id}>{form(party)}</li>
            ) : (
              <li key={party.id} className={layout.item}>
                <Text>
                  {party.name} · {party.role}
                </Text>
                <Caption1>
                  {[
                    party.email,
                    party.phone,
                    party.contractNumber && `contract ${party.contractNumber}`,
                    (party.contractStart || party.contractEnd) &&
                      `${party.contractStart ?? "…"} – ${party.contractEnd ?? "…"}`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Caption1>
                {party.notes && <Caption1>{party.notes}</Caption1>}
                <div className={layout.buttons}>
                  <Button size="small" aria-label={`Edit ${party.name}`} onClick={() => setEditing(party)}>
                    Edit
                  </Button>
                  <DeleteButton
                    what={party.name}
                    onDelete={async () => {
                      await api.deleteThirdParty(party.id);
                      onChanged();
                    }}
                  />
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === "new" ? form(null) : <Button onClick={() => setEditing("new")}>Add third party</Button>}
    </section>
  );
}
