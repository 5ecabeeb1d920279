import type { RecordTabContext } from "../../shared/record-tab.types";
import { ConsentSection } from "../consent";
import { ContactsSection } from "../contacts";
import { ShipToSection } from "../ship-to";
import { ThirdPartiesSection } from "../third-parties";

/** The customer's surroundings: its people, third parties, where goods go, and who may be contacted how. */
export function DetailsTab({ record, reload }: RecordTabContext) {
  return (
    <>
      <ContactsSection contacts={record.contacts} onChanged={reload} />
      <ThirdPartiesSection customerId={record.customer.id} thirdParties={record.thirdParties} onChanged={reload} />
      <ShipToSection customerId={record.customer.id} addresses={record.shipTo} onChanged={reload} />
      <ConsentSection contacts={record.contacts} onChanged={reload} />
    </>
  );
}
