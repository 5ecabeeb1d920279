import { ACTUAL_CUSTOMER_STATUS } from "contract";
import type { ApiClient } from "./api-client";

let counter = 0;
/** Unique per run, so suites can create what they need without colliding. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function createType(manager: ApiClient, name: string) {
  const response = await manager.post("/api/types", { name });
  if (response.status !== 201) throw new Error(`type ${name}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * A customer the client works on, linked to them as its salesman. Status 1 and a chosen account
 * number are the accounts department's to give (customers:status-1, customers:account-number), so
 * a salesman's status-1 customer, or one with an account number the test names, is entered by a
 * manager with the salesman linked, as the product requires; otherwise the client creates it, and
 * a salesman's customer (or one of a client whose role the test does not know) takes the next
 * number of the sequence.
 */
export async function createCustomer(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = {
    accountNumber: unique("ACC"),
    name: "Fabrikam, Inc.",
    status: ACTUAL_CUSTOMER_STATUS,
    address: { street: "Hauptstraße 12", postalCode: "10115", city: "Berlin", country: "Germany" },
    phone: "+49 30 1234560",
    ...overrides,
  };
  let creator = client;
  const salesman = client.identity?.role === "SALESMAN";
  // A client signed in with a token of its own has no known role and may be a salesman: the sequence numbers its customers.
  if (salesman && (body.status === ACTUAL_CUSTOMER_STATUS || "accountNumber" in overrides)) {
    creator = await client.identity!.accounts();
    body.salesmanIds ??= [await client.id()];
  } else if ((salesman || !client.identity) && !("accountNumber" in overrides)) delete body.accountNumber;
  const response = await creator.post("/api/customers", body);
  if (response.status !== 201) throw new Error(`customer: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createContact(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post("/api/contacts", {
    customerId: null,
    firstName: "Jonas",
    lastName: "Keller",
    emails: [`${unique("jonas")}@fabrikam.com`],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`contact: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
