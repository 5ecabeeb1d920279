import { en } from "./en";
import type { Language } from "./language";

export type Catalogs = typeof en;

// English is in the first download (the language of every display language but German); German is
// a chunk of its own, fetched only by a pane that speaks it: English users do not download it.
const loaded: Partial<Record<Language, Catalogs>> = { en };

/** The catalogs of `language` if this pane has them already. */
export function loadedCatalogs(language: Language): Catalogs | undefined {
  return loaded[language];
}

/** The catalogs of `language`, fetched the first time they are asked for. */
export async function loadCatalogs(language: Language): Promise<Catalogs> {
  const known = loaded[language];
  if (known) return known;
  const { de } = await import("./de/index.js");
  return (loaded.de = de as Catalogs);
}
