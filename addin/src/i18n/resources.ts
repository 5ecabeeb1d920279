import { de } from "./de";
import { en } from "./en";

/**
 * Every catalog, bundled with the pane: one namespace per part of the pane, a file each in en/ and
 * de/, listed in en/index.ts and de/index.ts.
 */
export const resources = { en, de } as const;

export const NAMESPACES = Object.keys(en) as (keyof typeof en)[];
