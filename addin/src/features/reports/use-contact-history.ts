import type { CrmApi } from "../../api/crm-api";
import { useAsync } from "../../shared/use-async";

/** The customer's last twelve months of contacts, in the user's zone (the service knows it). */
export function useContactHistory(api: CrmApi, customerId: string) {
  return useAsync(() => api.contactHistory(customerId, 12), [api, customerId]);
}
