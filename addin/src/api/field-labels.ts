/**
 * What the service's field paths and messages say, in the words of the pane's labels: the service
 * names fields as the contract does ("body.address.postalCode", "must not be before contractStart"),
 * a person reads "Postal code" and "contract start".
 */
const LABELS: Record<string, string> = {
  accountNumber: "Account number",
  name: "Name",
  status: "Status",
  types: "Types",
  address: "Address",
  street: "Street",
  postalCode: "Postal code",
  city: "City",
  region: "Region",
  country: "Country",
  phone: "Phone",
  website: "Website",
  emailDomains: "E-mail domains",
  emails: "E-mail addresses",
  salesmanIds: "Salesmen",
  firstName: "First name",
  lastName: "Last name",
  role: "Role",
  customerId: "Customer",
  contactId: "Contact",
  bodyHtml: "Text",
  startsAt: "Start",
  endsAt: "End",
  reason: "Reason",
  version: "Version",
};

/** "postalCode" → "postal code": an identifier as words. */
const words = (identifier: string) => identifier.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** "body.address.postalCode" → "Postal code"; "body.types.1" → "Types (item 2)"; "query.search" → "Search". */
export function fieldLabel(path: string): string {
  const segments = path.replace(/^(body|query|path)\./, "").split(".");
  const index = /^\d+$/.test(segments.at(-1) ?? "") ? Number(segments.pop()) : undefined;
  const last = segments.at(-1) ?? path;
  const label = LABELS[last] ?? capitalise(words(last));
  return index === undefined ? label : `${label} (item ${index + 1})`;
}

/** A service message with any identifier in it as words: "must not be before contractStart" → "… contract start". */
export const inWords = (message: string) =>
  message.replace(/\b(?:body\.|query\.)?[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, (identifier) =>
    (
      LABELS[identifier.replace(/^(body|query)\./, "")] ?? words(identifier.replace(/^(body|query)\./, ""))
    ).toLowerCase(),
  );

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
