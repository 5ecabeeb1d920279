/** A customer the user opened, as the search tab lists it while its box is empty. */
export interface RecentCustomer {
  id: string;
  name: string;
  accountNumber: string;
}

const KEPT = 8;
// Per user on this device: a shared machine's next user does not see someone else's customers.
const keyOf = (userId: string) => `crm.recentCustomers.${userId}`;

/** The last customers this user opened, the latest first (none when storage is unavailable). */
export function recentCustomers(userId: string): RecentCustomer[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(userId)) ?? "[]");
    return Array.isArray(stored)
      ? stored
          .filter(
            (entry): entry is RecentCustomer =>
              typeof entry?.id === "string" &&
              typeof entry?.name === "string" &&
              typeof entry?.accountNumber === "string",
          )
          .slice(0, KEPT)
      : [];
  } catch {
    return [];
  }
}

export function rememberCustomer(userId: string, customer: RecentCustomer) {
  const entry = { id: customer.id, name: customer.name, accountNumber: customer.accountNumber };
  const next = [entry, ...recentCustomers(userId).filter((other) => other.id !== customer.id)].slice(0, KEPT);
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify(next));
  } catch {
    // Storage full or blocked (private mode): the list is a convenience, the pane works without it.
  }
}
