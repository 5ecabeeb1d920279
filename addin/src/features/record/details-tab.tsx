import type { RecordTabContext } from "../../shared/record-tab.types";
import { ConsentSection } from "../consent";
import { ContactsSection } from "../contacts";
import { ShipToSection } from "../ship-to";
import { ThirdPartiesSection } from "../third-parties";
import { SamplesSection } from "../samples";
import { PaymentsSection } from "../payments";

/**
 * The customer's surroundings: its people, third parties, where goods go, who may be contacted how,
 * the samples handed over and the payments agreed.
 */
export function DetailsTab({ record, reload }: RecordTabContext) {
  return (
    <>
      <ContactsSection contacts={record.contacts} onChanged={reload} />
      <ThirdPartiesSection customerId={record.customer.id} thirdParties={record.thirdParties} onChanged={reload} />
      <ShipToSection customerId={record.customer.id} addresses={record.shipTo} onChanged={reload} />
      <ConsentSection contacts={record.contacts} onChanged={reload} />
      <SamplesSection samples={record.samples} />
      <PaymentsSection customerId={record.customer.id} agreements={record.paymentAgreements} onChanged={reload} />
    </>
  );
}
