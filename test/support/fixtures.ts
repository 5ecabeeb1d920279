import type { ApiClient } from "./api-client";

let counter = 0;
/** Unique per run, so suites can create what they need without colliding. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function createType(manager: ApiClient, name: string) {
  const response = await manager.post("/api/types", { name });
  if (response.status !== 201) throw new Error(`type ${name}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createCustomer(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post("/api/customers", {
    accountNumber: unique("ACC"),
    name: "Fabrikam, Inc.",
    status: 1,
    address: { street: "Hauptstraße 12", postalCode: "10115", city: "Berlin", country: "Germany" },
    phone: "+49 30 1234560",
    ...overrides,
  });
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
