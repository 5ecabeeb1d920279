/** Today as the service dates new documents and checks special prices: the UTC calendar day. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
