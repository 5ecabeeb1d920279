/** The text trigram search runs over: account number, company name and main address, lower case. */
export function customerSearchText(fields: {
  accountNumber: string;
  name: string;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
}): string {
  return [
    fields.accountNumber,
    fields.name,
    fields.street,
    fields.postalCode,
    fields.city,
    fields.region,
    fields.country,
  ]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}
