import { Caption1, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ThirdParty } from "contract";
import { useServices } from "../../shared/services-context";
import { SubRecordSection } from "../../shared/sub-record-section";
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
  const { t } = useTranslation("thirdParties");
  const { api } = useServices();
  return (
    <SubRecordSection
      id="third-parties-heading"
      title={t("heading")}
      items={thirdParties}
      empty={t("none")}
      nameOf={(party) => party.name}
      form={(props) => <ThirdPartyForm customerId={customerId} {...props} onConflict={onChanged} />}
      addLabel={t("add")}
      remove={(party) => api.deleteThirdParty(party.id)}
      onChanged={onChanged}
    >
      {(party) => (
        <>
          <Text>
            {party.name} · {party.role}
          </Text>
          <Caption1>
            {[
              party.email,
              party.phone,
              party.contractNumber && t("contract", { number: party.contractNumber }),
              (party.contractStart || party.contractEnd) &&
                `${party.contractStart ?? "…"} – ${party.contractEnd ?? "…"}`,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Caption1>
          {party.notes && <Caption1>{party.notes}</Caption1>}
        </>
      )}
    </SubRecordSection>
  );
}
