import type {
  Action,
  ActionCreate,
  ActionList,
  ActionListQuery,
  ActionUpdate,
  Contact,
  ContactUpdate,
  Incident,
  IncidentCreate,
  IncidentUpdate,
  Opportunity,
  OpportunityCreate,
  OpportunityUpdate,
} from "contract";
import type { z } from "zod";

/** The one request function of the API client (bearer token, typed errors). */
export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (collection: string, id: string) => `/api/${collection}/${encodeURIComponent(id)}`;

/** Opportunities, incidents, actions and moving contacts; updates send the version that was loaded. */
export function salesCalls(call: ApiCall) {
  return {
    createOpportunity: (body: z.input<typeof OpportunityCreate>) =>
      call<Opportunity>("POST", "/api/opportunities", body),
    updateOpportunity: (id: string, body: z.input<typeof OpportunityUpdate>) =>
      call<Opportunity>("PATCH", at("opportunities", id), body),
    createIncident: (body: z.input<typeof IncidentCreate>) => call<Incident>("POST", "/api/incidents", body),
    updateIncident: (id: string, body: z.input<typeof IncidentUpdate>) =>
      call<Incident>("PATCH", at("incidents", id), body),
    /** Actions of a customer (with its opportunities', incidents' and contacts'); open only unless open is "false". */
    actions: (query: Partial<Record<keyof z.input<typeof ActionListQuery>, string>>) =>
      call<z.output<typeof ActionList>>("GET", `/api/actions?${new URLSearchParams(query).toString()}`),
    createAction: (body: z.input<typeof ActionCreate>) => call<Action>("POST", "/api/actions", body),
    updateAction: (id: string, body: z.input<typeof ActionUpdate>) => call<Action>("PATCH", at("actions", id), body),
    contact: (id: string) => call<Contact>("GET", at("contacts", id)),
    updateContact: (id: string, body: z.input<typeof ContactUpdate>) =>
      call<Contact>("PATCH", at("contacts", id), body),
  };
}
