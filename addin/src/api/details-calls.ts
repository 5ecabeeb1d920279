import type {
  ConsentRecordCreate,
  ConsentView,
  ShipTo,
  ShipToCreate,
  ShipToList,
  ShipToUpdate,
  ThirdParty,
  ThirdPartyCreate,
  ThirdPartyList,
  ThirdPartyUpdate,
} from "contract";
import type { z } from "zod";
import type { ApiCall } from "./sales-calls";

/** Third parties, ship-to addresses and marketing consent: the "Details" of a customer. */
export function detailsCalls(call: ApiCall) {
  const customer = (id: string) => `/api/customers/${encodeURIComponent(id)}`;
  return {
    thirdParties: (customerId: string) =>
      call<z.output<typeof ThirdPartyList>>("GET", `${customer(customerId)}/third-parties`),
    createThirdParty: (customerId: string, body: z.input<typeof ThirdPartyCreate>) =>
      call<ThirdParty>("POST", `${customer(customerId)}/third-parties`, body),
    /** Send the version that was loaded. */
    updateThirdParty: (id: string, body: z.input<typeof ThirdPartyUpdate>) =>
      call<ThirdParty>("PATCH", `/api/third-parties/${encodeURIComponent(id)}`, body),
    deleteThirdParty: (id: string) => call<void>("DELETE", `/api/third-parties/${encodeURIComponent(id)}`),
    shipTo: (customerId: string) => call<z.output<typeof ShipToList>>("GET", `${customer(customerId)}/ship-to`),
    createShipTo: (customerId: string, body: z.input<typeof ShipToCreate>) =>
      call<ShipTo>("POST", `${customer(customerId)}/ship-to`, body),
    updateShipTo: (id: string, body: z.input<typeof ShipToUpdate>) =>
      call<ShipTo>("PATCH", `/api/ship-to/${encodeURIComponent(id)}`, body),
    deleteShipTo: (id: string) => call<void>("DELETE", `/api/ship-to/${encodeURIComponent(id)}`),
    /** Current state per channel and every entry, newest first. */
    consent: (contactId: string) => call<ConsentView>("GET", `/api/contacts/${encodeURIComponent(contactId)}/consent`),
    recordConsent: (contactId: string, body: z.input<typeof ConsentRecordCreate>) =>
      call<ConsentView>("POST", `/api/contacts/${encodeURIComponent(contactId)}/consent`, body),
  };
}
