import { LANGUAGES, createFormat, paneLanguage, resources } from "../../addin/src/i18n";

/** Every key of a catalog as "namespace:path.to.key", with its value. */
function entries(tree: object, prefix: string): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === "object"
      ? entries(value as object, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

const keysOf = (language: (typeof LANGUAGES)[number]) =>
  Object.entries(resources[language]).flatMap(([namespace, catalog]) => entries(catalog, `${namespace}:`));

// i18next's placeholders: what a translation leaves out, the user never reads.
const placeholders = (text: string) => [...text.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((match) => match[1]).sort();

describe("the message catalogs", () => {
  const english = new Map(keysOf("en"));
  const german = new Map(keysOf("de"));

  it("have the same namespaces and keys in English and German", () => {
    expect(Object.keys(resources.de).sort()).toEqual(Object.keys(resources.en).sort());
    expect([...german.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !german.has(key))).toEqual([]);
  });

  it("have no empty or non-text values", () => {
    for (const language of LANGUAGES)
      for (const [key, value] of keysOf(language)) {
        expect([language, key, typeof value]).toEqual([language, key, "string"]);
        expect([language, key, (value as string).trim().length > 0]).toEqual([language, key, true]);
      }
  });

  it("keep every placeholder of the English text in the German one", () => {
    for (const [key, text] of english)
      expect([key, placeholders(german.get(key) as string)]).toEqual([key, placeholders(text as string)]);
  });
});

describe("the pane's language", () => {
  it("is German for a German display language, English for any other", () => {
    expect(paneLanguage("de-DE")).toEqual({ language: "de", locale: "de-DE" });
    expect(paneLanguage("de-AT")).toEqual({ language: "de", locale: "de-AT" });
    expect(paneLanguage("de")).toEqual({ language: "de", locale: "de" });
    expect(paneLanguage("en-GB")).toEqual({ language: "en", locale: "en-GB" });
    expect(paneLanguage("en-US")).toEqual({ language: "en", locale: "en-US" });
    // French Outlook: English text, formatted as English (no French month names in English sentences).
    expect(paneLanguage("fr-FR")).toEqual({ language: "en", locale: "en-US" });
    expect(paneLanguage(null)).toEqual({ language: "en", locale: "en-US" });
    expect(paneLanguage("")).toEqual({ language: "en", locale: "en-US" });
  });

  it("formats dates, numbers and money as that locale does", () => {
    const de = createFormat("de-DE");
    const en = createFormat("en-US");
    expect(de.money("1234.5", "EUR")).toBe("1.234,50\u00a0€");
    expect(en.money("1234.5", "EUR")).toBe("€1,234.50");
    expect(de.day("2026-12-01", "medium")).toBe("01.12.2026");
    expect(de.day("2026-12-01")).toBe("1. Dezember 2026");
    expect(en.day("2026-12-01")).toBe("December 1, 2026");
    expect(de.date("2026-12-01T10:00:00Z", "Europe/Berlin")).toBe("Di., 1. Dez. 2026");
    expect(de.dateTime("2026-12-01T10:00:00Z", "Europe/Berlin")).toBe("Di., 1. Dez. 2026, 11:00");
    expect(en.dateTime("2026-12-01T10:00:00Z", "Europe/Berlin")).toBe("Tue, Dec 1, 2026, 11:00 AM");
    expect(de.relativeDays(-1)).toBe("gestern");
    expect(de.relativeDays(5)).toBe("in 5 Tagen");
    expect(de.bytes(12_800)).toBe("12,5 KB");
    expect(en.bytes(12_800)).toBe("12.5 KB");
    expect(de.month("2026-02", "long")).toBe("Februar 2026");
    expect(de.list(["Anna", "Ben", "Carla"])).toBe("Anna, Ben und Carla");
    // A currency Intl does not know still shows its amount.
    expect(de.money("12", "XX1")).toBe("12 XX1");
  });
});
