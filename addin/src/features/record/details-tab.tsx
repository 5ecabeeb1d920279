import type { RecordTabContext } from "../../shared/record-tab.types";
import { ConsentSection } from "../consent";
import { ShipToSection } from "../ship-to";
import { ThirdPartiesSection } from "../third-parties";

/** The customer's surroundings: third parties, where goods go, and who may be contacted how. */
export function DetailsTab({ record, reload }: RecordTabContext) {
  return (
    <>
      <ThirdPartiesSection customerId={record.customer.id} thirdParties={record.thirdParties} onChanged={reload} />
      <ShipToSection customerId={record.customer.id} addresses={record.shipTo} onChanged={reload} />
      <ConsentSection contacts={record.contacts} onChanged={reload} />
    </>
  );
}
