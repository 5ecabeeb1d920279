import { type i18n as I18n, createInstance } from "i18next";
import { type ReactNode, createContext, useContext, useEffect, useMemo, useState } from "react";
import { I18nextProvider } from "react-i18next";
import { type Format, createFormat } from "./format";
import { type Language, paneLanguage } from "./language";
import { type Catalogs, lacksEnglishLater, loadCatalogs, loadEnglishLater, loadedCatalogs } from "./catalogs";

const RETRY_MAX_MS = 30_000;

/**
 * One i18next instance per pane, its catalogs bundled (the pane works without any CDN or HTTP
 * backend): German for a German display language, English for every other. `catalogs` are the
 * language's own (catalogs.ts loads them); without them, English.
 */
export function createPaneI18n(language: Language, catalogs = loadedCatalogs(language)): I18n {
  const english = (language === "en" && catalogs) || loadedCatalogs("en")!;
  const resources = { en: english, ...(language !== "en" && catalogs ? { [language]: catalogs } : {}) };
  const i18n = createInstance();
  void i18n.init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: ["en", "de"],
    resources,
    ns: Object.keys(english),
    defaultNS: "common",
    // React escapes what it renders; escaping again would show "&amp;" in names.
    interpolation: { escapeValue: false },
    // Resources are in memory: initialised before the first render, no Suspense.
    initAsync: false,
    returnNull: false,
    // What draws with a namespace that arrives later (English beyond the first draw) draws again then.
    react: { bindI18nStore: "added" },
  });
  // English beyond the first draw is fetched where English is drawn: not for German's whole catalogs
  // (they lack no key, catalogs.test.ts), only for an English pane or one whose German did not come.
  const drawn = language === "en" ? english : catalogs;
  if (lacksEnglishLater(english) && (!drawn || lacksEnglishLater(drawn))) void addEnglishLater(i18n);
  return i18n;
}

/** English's namespaces beyond the first draw, added as they come; tried again while offline. */
async function addEnglishLater(i18n: I18n, attempt = 0): Promise<void> {
  try {
    const later = await loadEnglishLater();
    for (const [namespace, bundle] of Object.entries(later)) i18n.addResourceBundle("en", namespace, bundle, true);
  } catch {
    setTimeout(() => void addEnglishLater(i18n, attempt + 1), Math.min(RETRY_MAX_MS, 1000 * 2 ** attempt));
  }
}

const FormatContext = createContext<Format>(createFormat("en-US"));

/** Dates, numbers and money in the locale of Office's display language (format.ts). */
export function useFormat(): Format {
  return useContext(FormatContext);
}

/** The pane's language and formats, from Office's display language (null: English). */
export function PaneLanguageProvider({
  displayLanguage,
  children,
}: {
  displayLanguage: string | null | undefined;
  children: (language: Language) => ReactNode;
}) {
  const { language, locale } = paneLanguage(displayLanguage);
  const [catalogs, setCatalogs] = useState<{ language: Language; catalogs: Partial<Catalogs> } | null>(null);
  const ready = loadedCatalogs(language) ?? (catalogs?.language === language ? catalogs.catalogs : undefined);
  useEffect(() => {
    if (!ready)
      void loadCatalogs(language).then(
        (loaded) => setCatalogs({ language, catalogs: loaded }),
        // The German chunk did not arrive: English rather than nothing.
        () => setCatalogs({ language, catalogs: loadedCatalogs("en")! }),
      );
  }, [language, ready]);
  const i18n = useMemo(() => ready && createPaneI18n(language, ready), [language, ready]);
  const format = useMemo(() => createFormat(locale), [locale]);
  // Until a German pane has its catalogs (one small chunk), it draws nothing rather than English.
  if (!i18n) return null;
  return (
    <I18nextProvider i18n={i18n}>
      <FormatContext.Provider value={format}>{children(language)}</FormatContext.Provider>
    </I18nextProvider>
  );
}
