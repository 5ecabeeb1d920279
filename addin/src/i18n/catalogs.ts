import type { en } from "./en";
import { enFirstDraw } from "./en/first-draw";
import type { Language } from "./language";

export type Catalogs = typeof en;
type EnglishLater = Omit<Catalogs, keyof typeof enFirstDraw>;

// English is the language of every display language but German. Its namespaces for the first draw
// of a record are in the first download; the others (en/later.ts) are a chunk fetched as the pane
// starts, before the chunks of code that use them. German is a chunk of its own, fetched whole and
// only by a pane that speaks it: English users do not download it.
let englishLater: EnglishLater | undefined;
let englishLaterPending: Promise<EnglishLater> | undefined;
let german: Catalogs | undefined;

/** English as far as this pane has it: the first draw's namespaces, all of them once the rest came. */
function englishCatalogs(): Partial<Catalogs> {
  return englishLater ? { ...enFirstDraw, ...englishLater } : enFirstDraw;
}

/** Whether these English catalogs lack the namespaces of en/later.ts. */
export const lacksEnglishLater = (catalogs: Partial<Catalogs>) =>
  Object.keys(catalogs).length === Object.keys(enFirstDraw).length;

/** English's namespaces beyond the first draw, fetched once (and again after a failure). */
export function loadEnglishLater(): Promise<EnglishLater> {
  return (englishLaterPending ??= import("./en/later.js").then(
    ({ enLater }) => (englishLater = enLater),
    (error: unknown) => {
      englishLaterPending = undefined;
      throw error;
    },
  ));
}

/** The catalogs of `language` the pane can draw with already: English's first draw; German only whole. */
export function loadedCatalogs(language: Language): Partial<Catalogs> | undefined {
  return language === "en" ? englishCatalogs() : german;
}

/** The catalogs of `language` to draw with, fetched the first time they are asked for. */
export async function loadCatalogs(language: Language): Promise<Partial<Catalogs>> {
  if (language === "en") return englishCatalogs();
  const { de } = await import("./de/index.js");
  return (german ??= de as Catalogs);
}
