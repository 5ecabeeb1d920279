import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe.each(testBackends())("third parties, ship-to addresses and consent on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
  });
  afterAll(() => service.stop());

  describe("third parties", () => {
    it("adds, lists, changes and removes third parties with their contract details", async () => {
      const customer = await createCustomer(alice);
      const created = await alice.post(`/api/customers/${customer.id}/third-parties`, {
        name: "Weber & Partner",
        role: "Tax adviser",
        email: "kanzlei@weber-partner.de",
        contractNumber: "TA-2026-17",
        contractStart: "2026-01-01",
        contractEnd: "2027-12-31",
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        customerId: customer.id,
        name: "Weber & Partner",
        role: "Tax adviser",
        contractStart: "2026-01-01",
        contractEnd: "2027-12-31",
        phone: null,
        createdBy: { email: "alice@contoso.com" },
        version: 1,
      });
      await alice.post(`/api/customers/${customer.id}/third-parties`, { name: "LeaseCo", role: "Leasing company" });
      const list = await alice.get(`/api/customers/${customer.id}/third-parties`);
      expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(["LeaseCo", "Weber & Partner"]);

      const updated = await alice.patch(`/api/third-parties/${created.body.id}`, { version: 1, phone: "+49 40 123" });
      expect(updated.body).toMatchObject({ phone: "+49 40 123", contractNumber: "TA-2026-17", version: 2 });
      expect((await alice.patch(`/api/third-parties/${created.body.id}`, { version: 1, phone: "x" })).status).toBe(409);

      const removed = await alice.request("DELETE", `/api/third-parties/${created.body.id}`);
      expect(removed.status).toBe(204);
      expect((await alice.request("DELETE", `/api/third-parties/${created.body.id}`)).status).toBe(404);
      expect((await alice.get(`/api/customers/${customer.id}/third-parties`)).body.items).toHaveLength(1);
    });

    it("enforces the mandatory fields and a sensible contract period, naming the field", async () => {
      const customer = await createCustomer(alice);
      const missing = await alice.post(`/api/customers/${customer.id}/third-parties`, { name: " " });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        "body.name",
        "body.role",
      ]);
      const backwards = await alice.post(`/api/customers/${customer.id}/third-parties`, {
        name: "X",
        role: "Installer",
        contractStart: "2027-01-01",
        contractEnd: "2026-01-01",
      });
      expect(backwards.body.error.details).toEqual([
        { field: "body.contractEnd", message: "must not be before contractStart" },
      ]);
      const badEmail = await alice.post(`/api/customers/${customer.id}/third-parties`, {
        name: "X",
        role: "Installer",
        email: "not an email",
      });
      expect(badEmail.body.error.details[0].field).toBe("body.email");
      // Moving only the start past the stored end is caught too.
      const made = await alice.post(`/api/customers/${customer.id}/third-parties`, {
        name: "Y",
        role: "Installer",
        contractEnd: "2026-06-30",
      });
      const late = await alice.patch(`/api/third-parties/${made.body.id}`, { version: 1, contractStart: "2026-07-01" });
      expect(late.status).toBe(400);
      expect(late.body.error.details[0].field).toBe("body.contractEnd");
      expect((await alice.post(`/api/customers/${UNKNOWN}/third-parties`, { name: "X", role: "Y" })).status).toBe(404);
      expect((await alice.get(`/api/customers/${customer.id}/third-parties`)).body.items).toHaveLength(1);
    });
  });

  describe("ship-to addresses", () => {
    it("adds, lists, changes and removes ship-to addresses; street, postal code, city and country are mandatory", async () => {
      const customer = await createCustomer(alice);
      const created = await alice.post(`/api/customers/${customer.id}/ship-to`, {
        name: "Warehouse Hamburg",
        street: "Hafenstraße 1",
        postalCode: "20457",
        city: "Hamburg",
        country: "Germany",
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ customerId: customer.id, name: "Warehouse Hamburg", region: null });
      const incomplete = await alice.post(`/api/customers/${customer.id}/ship-to`, { street: "Somewhere 2" });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        "body.city",
        "body.country",
        "body.postalCode",
      ]);
      const changed = await alice.patch(`/api/ship-to/${created.body.id}`, { street: "Hafenstraße 3" });
      expect(changed.body).toMatchObject({ street: "Hafenstraße 3", city: "Hamburg" });
      expect((await alice.patch(`/api/ship-to/${created.body.id}`, { city: "" })).status).toBe(400);
      expect((await alice.get(`/api/customers/${customer.id}/ship-to`)).body.items).toMatchObject([
        { street: "Hafenstraße 3" },
      ]);
      expect((await alice.request("DELETE", `/api/ship-to/${created.body.id}`)).status).toBe(204);
      expect((await alice.get(`/api/customers/${customer.id}/ship-to`)).body.items).toEqual([]);
      expect((await alice.patch(`/api/ship-to/${created.body.id}`, { city: "Kiel" })).status).toBe(404);
      expect((await alice.get(`/api/customers/${UNKNOWN}/ship-to`)).status).toBe(404);
    });
  });

  describe("consent", () => {
    it("keeps consent per channel with source and day; the latest entry is current, every entry is kept", async () => {
      const contact = await createContact(alice, { customerId: (await createCustomer(alice)).id });
      const initial = await alice.get(`/api/contacts/${contact.id}/consent`);
      expect(initial.body.channels).toEqual([
        { channel: "EMAIL", status: "UNKNOWN", current: null },
        { channel: "PHONE", status: "UNKNOWN", current: null },
        { channel: "POST", status: "UNKNOWN", current: null },
      ]);
      const granted = await alice.post(`/api/contacts/${contact.id}/consent`, {
        channel: "EMAIL",
        status: "GRANTED",
        source: "Web form, newsletter",
        date: "2026-03-01",
      });
      expect(granted.status).toBe(201);
      expect(granted.body.channels[0]).toMatchObject({
        channel: "EMAIL",
        status: "GRANTED",
        current: { source: "Web form, newsletter", date: "2026-03-01", recordedBy: { email: "alice@contoso.com" } },
      });
      await alice.post(`/api/contacts/${contact.id}/consent`, {
        channel: "POST",
        status: "GRANTED",
        source: "Trade fair",
        date: "2026-04-10",
      });
      const withdrawn = await alice.post(`/api/contacts/${contact.id}/consent`, {
        channel: "EMAIL",
        status: "WITHDRAWN",
        source: "Unsubscribe by phone",
        date: "2026-05-02",
      });
      expect(withdrawn.body.channels.map((c: { status: string }) => c.status)).toEqual([
        "WITHDRAWN",
        "UNKNOWN",
        "GRANTED",
      ]);
      expect(
        withdrawn.body.history.map((e: { channel: string; status: string }) => `${e.channel} ${e.status}`),
      ).toEqual(["EMAIL WITHDRAWN", "POST GRANTED", "EMAIL GRANTED"]);
      expect((await alice.get(`/api/contacts/${contact.id}/consent`)).body).toEqual(withdrawn.body);
    });

    it("refuses a future day, a missing source, an unknown channel and unknown contacts", async () => {
      const contact = await createContact(alice);
      const entry = { channel: "PHONE", status: "GRANTED", source: "Call", date: "2026-01-01" };
      const future = await alice.post(`/api/contacts/${contact.id}/consent`, { ...entry, date: "2199-01-01" });
      expect(future.status).toBe(400);
      expect(future.body.error.details).toEqual([{ field: "body.date", message: "must not be in the future" }]);
      const noSource = await alice.post(`/api/contacts/${contact.id}/consent`, { ...entry, source: "" });
      expect(noSource.body.error.details[0].field).toBe("body.source");
      const fax = await alice.post(`/api/contacts/${contact.id}/consent`, { ...entry, channel: "FAX" });
      expect(fax.body.error.details[0].field).toBe("body.channel");
      expect((await alice.post(`/api/contacts/${UNKNOWN}/consent`, entry)).status).toBe(404);
      expect((await alice.get(`/api/contacts/${UNKNOWN}/consent`)).status).toBe(404);
      expect((await alice.get(`/api/contacts/${contact.id}/consent`)).body.history).toEqual([]);
    });
  });

  describe("in the lookup and the record", () => {
    it("the lookup names each matched contact's withdrawn channels; the latest entry decides", async () => {
      const customer = await createCustomer(alice);
      const email = `${unique("consent")}@fabrikam.com`;
      const quiet = await createContact(alice, { customerId: customer.id, emails: [email] });
      const open = await createContact(alice, { customerId: customer.id, firstName: "Anna", emails: [email] });
      const record = (contactId: string, channel: string, status: string) =>
        alice.post(`/api/contacts/${contactId}/consent`, { channel, status, source: "Letter", date: "2026-02-01" });
      await record(quiet.id, "EMAIL", "WITHDRAWN");
      await record(quiet.id, "PHONE", "WITHDRAWN");
      await record(quiet.id, "POST", "WITHDRAWN");
      await record(quiet.id, "POST", "GRANTED"); // withdrawn earlier, granted again: no longer withdrawn
      await record(open.id, "EMAIL", "GRANTED");

      const lookup = await alice.get(`/api/lookup?email=${encodeURIComponent(email.toUpperCase())}`);
      expect(lookup.status).toBe(200);
      const withdrawn = Object.fromEntries(
        lookup.body.matches[0].contacts.map((c: { id: string; withdrawnConsent: string[] }) => [
          c.id,
          c.withdrawnConsent,
        ]),
      );
      expect(withdrawn).toEqual({ [quiet.id]: ["EMAIL", "PHONE"], [open.id]: [] });
    });

    it("the record carries each contact's current consent, the third parties and the ship-to addresses", async () => {
      const customer = await createCustomer(alice);
      const contact = await createContact(alice, { customerId: customer.id });
      const other = await createContact(alice, { customerId: customer.id, firstName: "Anna" });
      await alice.post(`/api/contacts/${contact.id}/consent`, {
        channel: "EMAIL",
        status: "GRANTED",
        source: "Web form",
        date: "2026-01-05",
      });
      await alice.post(`/api/contacts/${contact.id}/consent`, {
        channel: "EMAIL",
        status: "WITHDRAWN",
        source: "Unsubscribe link",
        date: "2026-02-05",
      });
      const party = await alice.post(`/api/customers/${customer.id}/third-parties`, {
        name: "Steuerkanzlei Weber",
        role: "Tax adviser",
      });
      const address = await alice.post(`/api/customers/${customer.id}/ship-to`, {
        name: "Warehouse Hamburg",
        street: "Hafenstraße 1",
        postalCode: "20457",
        city: "Hamburg",
        country: "Germany",
      });
      // Another customer's rows stay out.
      const elsewhere = await createCustomer(alice);
      await alice.post(`/api/customers/${elsewhere.id}/third-parties`, { name: "Other", role: "Installer" });

      const record = await alice.get(`/api/customers/${customer.id}`);
      expect(record.status).toBe(200);
      const consentOf = (id: string) =>
        record.body.contacts.find((c: { id: string }) => c.id === id).consent as {
          channel: string;
          status: string;
          current: { source: string; date: string } | null;
        }[];
      expect(consentOf(contact.id)).toEqual([
        {
          channel: "EMAIL",
          status: "WITHDRAWN",
          current: expect.objectContaining({ source: "Unsubscribe link", date: "2026-02-05" }),
        },
        { channel: "PHONE", status: "UNKNOWN", current: null },
        { channel: "POST", status: "UNKNOWN", current: null },
      ]);
      expect(consentOf(other.id).map((c) => c.status)).toEqual(["UNKNOWN", "UNKNOWN", "UNKNOWN"]);
      expect(record.body.thirdParties).toEqual([party.body]);
      expect(record.body.shipTo).toEqual([address.body]);
    });

    it("every consent, third-party and ship-to route wants a signed-in user", async () => {
      const customer = await createCustomer(alice);
      const contact = await createContact(alice, { customerId: customer.id });
      const anonymous = service.anonymous();
      const calls = [
        anonymous.get(`/api/contacts/${contact.id}/consent`),
        anonymous.post(`/api/contacts/${contact.id}/consent`, {
          channel: "EMAIL",
          status: "GRANTED",
          source: "x",
          date: "2026-01-01",
        }),
        anonymous.get(`/api/customers/${customer.id}/third-parties`),
        anonymous.post(`/api/customers/${customer.id}/third-parties`, { name: "X", role: "Y" }),
        anonymous.get(`/api/customers/${customer.id}/ship-to`),
        anonymous.post(`/api/customers/${customer.id}/ship-to`, {
          street: "a",
          postalCode: "1",
          city: "b",
          country: "c",
        }),
        anonymous.patch(`/api/ship-to/${UNKNOWN}`, { city: "x" }),
        anonymous.request("DELETE", `/api/third-parties/${UNKNOWN}`),
      ];
      expect((await Promise.all(calls)).map((response) => response.status)).toEqual(calls.map(() => 401));
      expect((await alice.get(`/api/contacts/${contact.id}/consent`)).body.history).toEqual([]);
      expect((await alice.get(`/api/customers/${customer.id}/third-parties`)).body.items).toEqual([]);
    });
  });
});
