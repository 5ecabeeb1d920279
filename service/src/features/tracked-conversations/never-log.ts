/**
 * Never-log rules: an address matches itself (case aside); a domain matches its addresses and those
 * of its subdomains ("fabrikam.com" keeps out "jonas@fabrikam.com" and "it@eu.fabrikam.com", not
 * "jonas@notfabrikam.com").
 */
export function matchesRule(email: string, rule: string): boolean {
  const address = email.trim().toLowerCase();
  const value = rule.trim().toLowerCase();
  if (value.includes("@")) return address === value;
  const domain = address.slice(address.lastIndexOf("@") + 1);
  return domain === value || domain.endsWith(`.${value}`);
}

/** The first rule one of these addresses matches, if any. */
export function firstMatchingRule(emails: string[], rules: string[]): { email: string; rule: string } | null {
  for (const email of emails) for (const rule of rules) if (matchesRule(email, rule)) return { email, rule };
  return null;
}
