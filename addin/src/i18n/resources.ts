import { app as deApp } from "./de/app";
import { common as deCommon } from "./de/common";
import { contacts as deContacts } from "./de/contacts";
import { customers as deCustomers } from "./de/customers";
import { profiling as deProfiling } from "./de/profiling";
import { consent as deConsent } from "./de/consent";
import { attachments as deAttachments } from "./de/attachments";
import { lifecycle as deLifecycle } from "./de/lifecycle";
import { shipTo as deShipTo } from "./de/ship-to";
import { thirdParties as deThirdParties } from "./de/third-parties";
import { app as enApp } from "./en/app";
import { common as enCommon } from "./en/common";
import { contacts as enContacts } from "./en/contacts";
import { customers as enCustomers } from "./en/customers";
import { profiling as enProfiling } from "./en/profiling";
import { consent as enConsent } from "./en/consent";
import { attachments as enAttachments } from "./en/attachments";
import { lifecycle as enLifecycle } from "./en/lifecycle";
import { shipTo as enShipTo } from "./en/ship-to";
import { thirdParties as enThirdParties } from "./en/third-parties";

/**
 * Every catalog, bundled with the pane: one namespace per part of the pane (en/ and de/ hold a file
 * each). A new namespace goes into both languages here and into NAMESPACES.
 */
export const resources = {
  en: {
    common: enCommon,
    app: enApp,
    contacts: enContacts,
    customers: enCustomers,
    profiling: enProfiling,
    consent: enConsent,
    attachments: enAttachments,
    lifecycle: enLifecycle,
    shipTo: enShipTo,
    thirdParties: enThirdParties,
  },
  de: {
    common: deCommon,
    app: deApp,
    contacts: deContacts,
    customers: deCustomers,
    profiling: deProfiling,
    consent: deConsent,
    attachments: deAttachments,
    lifecycle: deLifecycle,
    shipTo: deShipTo,
    thirdParties: deThirdParties,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];
