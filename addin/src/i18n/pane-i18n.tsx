import { type i18n as I18n, createInstance } from "i18next";
import { type ReactNode, createContext, useContext, useMemo } from "react";
import { I18nextProvider } from "react-i18next";
import { type Format, createFormat } from "./format";
import { type Language, paneLanguage } from "./language";
import { NAMESPACES, resources } from "./resources";

/**
 * One i18next instance per pane, its catalogs bundled (the pane works without any CDN or HTTP
 * backend): German for a German display language, English for every other.
 */
export function createPaneI18n(language: Language): I18n {
  const i18n = createInstance();
  void i18n.init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: ["en", "de"],
    resources,
    ns: [...NAMESPACES],
    defaultNS: "common",
    // React escapes what it renders; escaping again would show "&amp;" in names.
    interpolation: { escapeValue: false },
    // Resources are in memory: initialised before the first render, no Suspense.
    initAsync: false,
    returnNull: false,
  });
  return i18n;
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
  const i18n = useMemo(() => createPaneI18n(language), [language]);
  const format = useMemo(() => createFormat(locale), [locale]);
  return (
    <I18nextProvider i18n={i18n}>
      <FormatContext.Provider value={format}>{children(language)}</FormatContext.Provider>
    </I18nextProvider>
  );
}
