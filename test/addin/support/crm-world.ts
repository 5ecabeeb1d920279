/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers, as the tests read them */
import type { Role } from "contract";
import type { ApiClient } from "../../support/api-client";
import { createContact, createCustomer } from "../../support/fixtures";

// The pane suites' world, entered through the real API before every test: what the pane's journeys
// start from. Alice Wagner, the signed-in salesman, looks after Fabrikam; Ben Okafor after Tailspin.

export interface PaneUser {
  email: string;
  name: string;
  role: Role;
  timeZone: string;
}

export const ALICE: PaneUser = {
  email: "alice@contoso.com",
  name: "Alice Wagner",
  role: "SALESMAN",
  timeZone: "Europe/Berlin",
};
export const BEN: PaneUser = {
  email: "ben@contoso.com",
  name: "Ben Okafor",
  role: "SALESMAN",
  timeZone: "Europe/London",
};
/** The accounts department: gives status 1, approves and declines. */
export const MIA: PaneUser = {
  email: "mia.manager@contoso.com",
  name: "Mia Manager",
  role: "MANAGER",
  timeZone: "Europe/Berlin",
};

export interface WorldOptions {
  /** Fabrikam released and approved (ACTIVE, two lifecycle changes), or left NEW with no history. */
  fabrikamApproved?: boolean;
}

export type World = Awaited<ReturnType<typeof seedWorld>>;

/** Makes sure the users exist with their time zones; once per service (users outlive the resets). */
export async function signInTeam(clientOf: (user: PaneUser) => Promise<ApiClient>) {
  const team: Record<"alice" | "ben" | "mia", { id: string; name: string; email: string }> = {} as never;
  for (const [key, user] of [
    ["alice", ALICE],
    ["ben", BEN],
    ["mia", MIA],
  ] as const) {
    const client = await clientOf(user);
    const me = await ok(client.request("PATCH", "/api/me", { timeZone: user.timeZone }), 200, "PATCH /api/me");
    team[key] = { id: me.id, name: me.name, email: me.email };
  }
  return team;
}

/** Types, a template, three customers, their contacts, two activities and a note, as the journeys need them. */
export async function seedWorld(clientOf: (user: PaneUser) => Promise<ApiClient>, options: WorldOptions = {}) {
  const [alice, ben, mia] = await Promise.all([clientOf(ALICE), clientOf(BEN), clientOf(MIA)]);
  for (const name of ["Distributor", "Key account", "Reseller"]) await ok(mia.post("/api/types", { name }), 201, name);
  const template = await ok(
    mia.post("/api/templates", {
      name: "Customer visit",
      type: "VISIT",
      subject: "Visit at customer site",
      durationMinutes: 120,
      reminderMinutesBefore: 60,
    }),
    201,
    "template",
  );

  let fabrikam = await createCustomer(mia, {
    accountNumber: "10001",
    name: "Fabrikam, Inc.",
    status: 1,
    types: ["Distributor", "Key account"],
    phone: "+49 30 1234560",
    address: { street: "Hauptstraße 12", postalCode: "10115", city: "Berlin", country: "Germany" },
    emailDomains: ["fabrikam.com"],
    salesmanIds: [await alice.id()],
  });
  if (options.fabrikamApproved ?? true) {
    fabrikam = await step(alice, fabrikam, "release");
    fabrikam = await step(mia, fabrikam, "approve");
  }
  const fabrikamServices = await createCustomer(alice, {
    accountNumber: "10014",
    name: "Fabrikam Services GmbH",
    status: 2,
    address: { city: "Berlin", country: "Germany" },
    phone: null,
    emailDomains: ["fabrikam.com"],
  });
  const tailspin = await step(
    ben,
    await createCustomer(ben, {
      accountNumber: "10004",
      name: "Tailspin Toys",
      status: 3,
      types: ["Reseller"],
      address: { city: "Berlin", country: "Germany" },
      phone: null,
      emailDomains: ["tailspintoys.com"],
    }),
    "release",
  );

  const jonas = await createContact(alice, {
    customerId: fabrikam.id,
    firstName: "Jonas",
    lastName: "Keller",
    emails: ["jonas.keller@fabrikam.com"],
    role: "Purchasing manager",
  });
  const giulia = await createContact(ben, {
    customerId: tailspin.id,
    firstName: "Giulia",
    lastName: "Conti",
    emails: ["giulia.conti@tailspintoys.com"],
  });
  const oliver = await createContact(alice, {
    customerId: null,
    firstName: "Oliver",
    lastName: "Stone",
    emails: ["oliver.stone@gmail.com"],
  });

  const activity = (fields: Record<string, unknown>) =>
    ok(
      alice.post("/api/activities", {
        customerId: fabrikam.id,
        timeZone: "Europe/Berlin",
        reminderMinutesBefore: 15,
        ...fields,
      }),
      201,
      `activity ${fields.subject}`,
    );
  const review = await activity({
    type: "MEETING",
    subject: "Quarterly business review",
    startsAt: "2099-03-01T12:00:00.000Z",
    endsAt: "2099-03-01T13:00:00.000Z",
  });
  const visit = await activity({
    type: "VISIT",
    subject: "Visit in Berlin",
    startsAt: "2025-11-01T09:00:00.000Z",
    endsAt: "2025-11-01T10:00:00.000Z",
    status: "FINISHED",
  });
  const note = await ok(
    alice.post("/api/notes", {
      customerId: fabrikam.id,
      contactId: null,
      // Markup the service must clean (a script link, an image with a handler): the pane shows what it kept.
      bodyHtml:
        '<p>Framework agreement: <a href="https://fabrikam.example/agreement">agreement</a> <a href="javascript:alert(1)">bad link</a><img src=x onerror="window.__pwned=1"></p>',
    }),
    201,
    "note",
  );
  return {
    template,
    customers: { fabrikam, fabrikamServices, tailspin },
    contacts: { jonas, giulia, oliver },
    activities: { review, visit },
    note,
  };
}

/** A lifecycle step (release, approve, decline) by the given user; the customer as it is afterwards. */
export async function step(client: ApiClient, customer: any, transition: string, reason?: string) {
  const body = { version: customer.version, ...(reason ? { reason } : {}) };
  return (await ok(client.post(`/api/customers/${customer.id}/${transition}`, body), 200, transition)).customer;
}

/** The answer's body when it has the expected status; otherwise the test's arrangement failed. */
export async function ok(response: Promise<{ status: number; body: any }>, status: number, what: string): Promise<any> {
  const answer = await response;
  if (answer.status !== status)
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
