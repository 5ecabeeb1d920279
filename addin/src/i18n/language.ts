/** The languages the pane speaks; English for every other display language. */
export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale each language formats with when Office's display language is another one. */
const DEFAULT_LOCALE: Record<Language, string> = { en: "en-US", de: "de-DE" };

/**
 * Office's display language (Office.context.displayLanguage, Mailbox 1.1: an RFC 1766 tag such as
 * "de-DE" or "en-US",
 * https://learn.microsoft.com/javascript/api/office/office.context#office-office-context-displaylanguage-member)
 * → the catalog to use and the locale for dates, numbers and money: "de-AT" speaks German and
 * formats as Austria does; "fr-FR" gets English, formatted as en-US (not French months in English text).
 */
export function paneLanguage(displayLanguage: string | null | undefined): { language: Language; locale: string } {
  const tag = (displayLanguage ?? "").trim();
  const language: Language = /^de(-|$)/i.test(tag) ? "de" : "en";
  const locale = tag.toLowerCase().startsWith(language) && isLocale(tag) ? tag : DEFAULT_LOCALE[language];
  return { language, locale };
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
