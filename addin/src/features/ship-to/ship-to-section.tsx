import { Caption1, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ShipTo } from "contract";
import { useServices } from "../../shared/services-context";
import { SubRecordSection } from "../../shared/sub-record-section";
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
  const { t } = useTranslation("shipTo");
  const { api } = useServices();
  return (
    <SubRecordSection
      id="ship-to-heading"
      title={t("heading")}
      items={addresses}
      empty={t("none")}
      nameOf={(address) => address.name ?? oneLine(address)}
      form={(props) => <ShipToForm customerId={customerId} {...props} />}
      addLabel={t("add")}
      remove={(address) => api.deleteShipTo(address.id)}
      onChanged={onChanged}
    >
      {(address) => (
        <>
          {address.name && <Text>{address.name}</Text>}
          <Caption1>{oneLine(address)}</Caption1>
        </>
      )}
    </SubRecordSection>
  );
}
