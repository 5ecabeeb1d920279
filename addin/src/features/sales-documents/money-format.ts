// Amounts are shown through useFormat().money (addin/src/i18n/format.ts), in the locale of
// Outlook's display language; they are computed as strings, never as floats.

/** Today as the service dates new documents and checks special prices: the UTC calendar day. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
