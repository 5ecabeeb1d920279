import type {
  AdoptionPathway,
  PaymentAgreement,
  PaymentAgreementCreate,
  PaymentAgreementDecision,
  PaymentAgreementList,
  PaymentCreate,
} from "contract";
import type { z } from "zod";
import type { ApiCall } from "./sales-calls";

/** Payment agreements and their payments, and the adoption pathway chart of a customer. */
export function paymentsCalls(call: ApiCall) {
  const customer = (id: string) => `/api/customers/${encodeURIComponent(id)}`;
  const agreement = (id: string) => `/api/payment-agreements/${encodeURIComponent(id)}`;
  return {
    paymentAgreements: (customerId: string) =>
      call<z.output<typeof PaymentAgreementList>>("GET", `${customer(customerId)}/payment-agreements`),
    proposePaymentAgreement: (customerId: string, body: z.input<typeof PaymentAgreementCreate>) =>
      call<PaymentAgreement>("POST", `${customer(customerId)}/payment-agreements`, body),
    /** Managers and admins; the service refuses anyone else. */
    decidePaymentAgreement: (id: string, body: z.input<typeof PaymentAgreementDecision>) =>
      call<PaymentAgreement>("POST", `${agreement(id)}/decision`, body),
    recordPayment: (id: string, body: z.input<typeof PaymentCreate>) =>
      call<PaymentAgreement>("POST", `${agreement(id)}/payments`, body),
    adoptionPathway: (customerId: string, months = 12) =>
      call<AdoptionPathway>("GET", `${customer(customerId)}/adoption-pathway?months=${months}`),
  };
}
