/** "1234.5" EUR → "€1,234.50" in the user's locale; display only, amounts are computed as strings. */
export const formatMoney = (amount: string, currency: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(amount));
  } catch {
    // A currency code Intl does not know still shows its amount.
    return `${amount} ${currency}`;
  }
};

/** Today as the service dates new documents and checks special prices: the UTC calendar day. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
