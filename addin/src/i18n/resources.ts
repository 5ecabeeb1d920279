import { app as deApp } from "./de/app";
import { common as deCommon } from "./de/common";
import { contacts as deContacts } from "./de/contacts";
import { app as enApp } from "./en/app";
import { common as enCommon } from "./en/common";
import { contacts as enContacts } from "./en/contacts";

/**
 * Every catalog, bundled with the pane: one namespace per part of the pane (en/ and de/ hold a file
 * each). A new namespace goes into both languages here and into NAMESPACES.
 */
export const resources = {
  en: {
    common: enCommon,
    app: enApp,
    contacts: enContacts,
  },
  de: {
    common: deCommon,
    app: deApp,
    contacts: deContacts,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];
