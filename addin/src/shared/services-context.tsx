import { type ReactNode, createContext, useContext } from "react";
import type { Me } from "contract";
import type { CrmApi } from "../api/crm-api";
import type { Mailbox } from "../office/mail-item.types";

/** What every feature needs: the API, the mailbox (Outlook or simulated) and the signed-in user. */
export interface PaneServices {
  api: CrmApi;
  mailbox: Mailbox;
  me: Me;
  /** The signed-in user changed their settings (their time zone): the pane goes on with these. */
  meChanged?: (me: Me) => void;
}

const ServicesContext = createContext<PaneServices | null>(null);

export function ServicesProvider({ value, children }: { value: PaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices outside ServicesProvider");
  return services;
}
