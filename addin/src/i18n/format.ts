/**
 * Every date, time, number and amount the pane shows goes through here, in the locale of Office's
 * display language (language.ts): "€1,234.50" and "Mar 2, 2026" for en-US, "1.234,50 €" and
 * "2. März 2026" for de-DE. Times are shown in the user's time zone (from /api/me), never the browser's.
 */
export interface Format {
  /** The BCP 47 locale everything is formatted in, e.g. "de-DE". */
  readonly locale: string;
  /** "Mon, Mar 2, 2026, 09:30 AM" / "Mo., 2. März 2026, 09:30" in the zone. */
  dateTime(iso: string, timeZone: string): string;
  /** "Mon, Mar 2, 2026" / "Mo., 2. März 2026" in the zone. */
  date(iso: string, timeZone: string): string;
  /** A calendar day (YYYY-MM-DD, no zone): "March 2, 2026" / "2. März 2026"; "medium": "Mar 2, 2026" / "02.03.2026". */
  day(isoDay: string, style?: "long" | "medium"): string;
  /** A month (YYYY-MM): "Feb" / "Feb." short, "February 2026" / "Februar 2026" long. */
  month(isoMonth: string, style: "short" | "long"): string;
  /** "yesterday", "in 5 days" / "gestern", "in 5 Tagen". */
  relativeDays(days: number): string;
  /** An amount as a string or number with its ISO currency: "€1,234.50" / "1.234,50 €". */
  money(amount: string | number, currency: string): string;
  /** "1,234.5" / "1.234,5". */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** "684 B", "12.5 KB", "3.2 MB" / "12,5 KB": short enough for the narrow pane. */
  bytes(bytes: number): string;
  /** "Anna, Ben and Carla" / "Anna, Ben und Carla". */
  list(items: string[]): string;
}

export function createFormat(locale: string): Format {
  const zoned = (iso: string, timeZone: string, withTime: boolean) =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
    }).format(new Date(iso));
  const number = (value: number, options?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale, options).format(value);
  return {
    locale,
    dateTime: (iso, timeZone) => zoned(iso, timeZone, true),
    date: (iso, timeZone) => zoned(iso, timeZone, false),
    day: (isoDay, style = "long") =>
      new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`)),
    month: (isoMonth, style) =>
      new Intl.DateTimeFormat(locale, {
        month: style,
        ...(style === "long" ? { year: "numeric" } : {}),
        timeZone: "UTC",
      }).format(new Date(`${isoMonth}-01T00:00:00Z`)),
    relativeDays: (days) => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(days, "day"),
    money(amount, currency) {
      try {
        return number(Number(amount), { style: "currency", currency });
      } catch {
        // A currency code Intl does not know still shows its amount.
        return `${amount} ${currency}`;
      }
    },
    number,
    bytes(bytes) {
      if (bytes < 1024) return `${number(bytes)} B`;
      const digits = { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false };
      if (bytes < 1024 * 1024) return `${number(bytes / 1024, digits)} KB`;
      return `${number(bytes / 1024 / 1024, digits)} MB`;
    },
    list: (items) => new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items),
  };
}
