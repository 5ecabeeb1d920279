import { dayInZone } from "contract/zoned-time";
import type { ApiClient } from "../support/api-client";
import { parseCsv } from "../support/csv-parse";
import { createCustomer, createType, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

/** The raw reply of a download (CSV, PDF), which the JSON client cannot read. */
async function download(client: ApiClient, path: string) {
  const response = await fetch(`${client.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

describe.each(testBackends())("lists and reports on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let bob: ApiClient;
  let manager: ApiClient;
  let aliceId: string;
  let bobId: string;
  const wholesale = unique("Wholesale");
  const retail = unique("Retail");
  const labelled = unique("Labels");
  // Everything a spreadsheet can trip over: a comma, quotes, umlauts, and a formula.
  const trickyName = 'Bäckerei "Zum Korn", Süd';
  const formulaName = '=HYPERLINK("http://evil.example")';
  let tricky: { id: string };
  let prospect: { id: string };

  beforeAll(async () => {
    // The own country is left off the labels.
    service = await startTestService(backend, { OWN_COUNTRY: "Germany" });
    alice = await service.as("alice@contoso.com");
    bob = await service.as("bob@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    aliceId = (await alice.patch("/api/me", { timeZone: "Europe/Berlin" })).body.id;
    bobId = (await bob.get("/api/me")).body.id;
    await createType(manager, wholesale);
    await createType(manager, retail);
    await createType(manager, labelled);
    tricky = await createCustomer(alice, { name: trickyName, types: [wholesale] });
    await createCustomer(alice, { name: formulaName, types: [wholesale], status: 2 });
    prospect = await createCustomer(bob, {
      name: "Contoso Retail Ltd",
      types: [retail],
      status: 2,
      address: { street: "1 High St", postalCode: "SW1A 1AA", city: "London", country: "United Kingdom" },
    });

    const activity = (client: ApiClient, customerId: string, type: string, startsAt: string, status = "FINISHED") =>
      client.post("/api/activities", {
        customerId,
        type,
        subject: `${type} ${startsAt}`,
        startsAt,
        timeZone: "Europe/Berlin",
        status,
      });
    // 31 January 23:30 in Berlin, and 1 February 00:30 in Berlin (still 31 January in UTC).
    await activity(alice, tricky.id, "CALL", "2026-01-31T22:30:00Z");
    await activity(alice, tricky.id, "CALL", "2026-01-31T23:30:00Z");
    await activity(alice, tricky.id, "VISIT", "2026-02-10T09:00:00Z", "PLANNED");
    await activity(bob, prospect.id, "MEETING", "2026-02-11T09:00:00Z");
    await activity(bob, prospect.id, "CALL", "2026-05-11T09:00:00Z");
    await alice.post("/api/email-log", {
      internetMessageId: `<${unique("msg")}@fabrikam.example>`,
      subject: "Order",
      from: { email: "jonas@fabrikam.example" },
      to: [{ email: "alice@contoso.com" }],
      cc: [],
      sentAt: "2026-02-03T10:00:00Z",
      bodyHtml: "<p>Hi</p>",
      customerId: tricky.id,
    });
  });
  afterAll(() => service.stop());

  describe("customer list", () => {
    it("filters by type, status, salesman and lifecycle, sorted by name", async () => {
      const byType = await alice.get(`/api/reports/customers?type=${encodeURIComponent(wholesale)}`);
      expect(byType.status).toBe(200);
      expect(names(byType.body)).toEqual([formulaName, trickyName]);
      expect(byType.body.total).toBe(2);
      expect(byType.body.items[1]).toEqual(
        expect.objectContaining({
          street: "Hauptstraße 12",
          types: [wholesale],
          salesmen: ["Alice"],
          lastActivityAt: "2026-01-31T23:30:00.000Z",
        }),
      );

      const typeAndStatus = await alice.get(`/api/reports/customers?type=${encodeURIComponent(wholesale)}&status=2`);
      expect(names(typeAndStatus.body)).toEqual([formulaName]);

      const severalTypes = await alice.get(
        `/api/reports/customers?type=${encodeURIComponent(wholesale)}&type=${encodeURIComponent(retail.toUpperCase())}`,
      );
      expect(names(severalTypes.body)).toEqual([formulaName, trickyName, "Contoso Retail Ltd"]);

      const mine = await bob.get(
        `/api/reports/customers?salesman=me&type=${encodeURIComponent(retail)}&type=${encodeURIComponent(wholesale)}`,
      );
      expect(names(mine.body)).toEqual(["Contoso Retail Ltd"]);
      const alices = await bob.get(`/api/reports/customers?salesman=${aliceId}&type=${encodeURIComponent(wholesale)}`);
      expect(alices.body.total).toBe(2);

      const active = await alice.get(`/api/reports/customers?lifecycle=ACTIVE&type=${encodeURIComponent(wholesale)}`);
      expect(active.body.total).toBe(0);
    });

    it("filters by the period of the latest finished activity or of creation", async () => {
      const jan = await alice.get("/api/reports/customers?periodOf=lastActivity&from=2026-01-01&to=2026-01-31");
      expect(names(jan.body)).toEqual([]); // 23:30 UTC on 31 January is 1 February in Berlin
      const feb = await alice.get("/api/reports/customers?periodOf=lastActivity&from=2026-02-01&to=2026-02-28");
      expect(names(feb.body)).toEqual([trickyName]);
      const may = await alice.get("/api/reports/customers?periodOf=lastActivity&from=2026-05-01&to=2026-05-31");
      expect(names(may.body)).toEqual(["Contoso Retail Ltd"]);
      const createdLongAgo = await alice.get("/api/reports/customers?from=2000-01-01&to=2000-12-31");
      expect(createdLongAgo.body.total).toBe(0);
    });

    it("exports every row as CSV that a spreadsheet reads back, with umlauts, quotes, commas and no formulas", async () => {
      const response = await download(alice, `/api/reports/customers?format=csv&type=${encodeURIComponent(wholesale)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(
        /^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(response.bytes.toString("utf8"));
      expect(rows[0]).toEqual(expect.arrayContaining(["Account number", "Name", "Street", "Salesmen"]));
      const name = rows[0]!.indexOf("Name");
      const street = rows[0]!.indexOf("Street");
      expect(rows.slice(1).map((row) => row[name])).toEqual([`'${formulaName}`, trickyName]);
      expect(rows[2]![street]).toBe("Hauptstraße 12");
      expect(rows).toHaveLength(3);
    });

    it("exports more rows than one database page, each once, in name order", async () => {
      // Not 1,000 customers here: the export's pages are checked with the labels' 25 below and the
      // keyset continuation by the bench; this checks the paging of the JSON list against the CSV.
      const first = await alice.get("/api/reports/customers?limit=2&offset=0");
      const second = await alice.get("/api/reports/customers?limit=2&offset=2");
      const csv = parseCsv((await download(alice, "/api/reports/customers?format=csv")).bytes.toString("utf8"));
      const name = csv[0]!.indexOf("Name");
      expect(csv.slice(1, 5).map((row) => row[name]!.replace(/^'/, ""))).toEqual([
        ...names(first.body),
        ...names(second.body),
      ]);
      expect(csv.length - 1).toBe(first.body.total);
    });

    it("names the field that is off", async () => {
      const unknownType = await alice.get(
        `/api/reports/customers?type=${encodeURIComponent(wholesale)}&type=Nonexistent`,
      );
      expect(unknownType.status).toBe(400);
      expect(unknownType.body.error.details).toEqual([{ field: "query.type.1", message: "unknown customer type" }]);
      const backwards = await alice.get("/api/reports/customers?from=2026-03-01&to=2026-02-01");
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.details[0].field).toBe("query.to");
      const unknownStatus = await alice.get("/api/reports/customers?status=77");
      expect(unknownStatus.body.error.details[0].field).toBe("query.status.0");
      const unknownSalesman = await alice.get(`/api/reports/customers?salesman=${tricky.id}`);
      expect(unknownSalesman.status).toBe(400);
      expect(unknownSalesman.body.error.details[0].field).toBe("query.salesman");
      const badCsv = await download(alice, "/api/reports/customers?format=csv&lifecycle=GONE");
      expect(badCsv.status).toBe(400);
      expect(JSON.parse(badCsv.bytes.toString()).error.details[0].field).toBe("query.lifecycle.0");
      expect((await service.anonymous().get("/api/reports/customers")).status).toBe(401);
    });
  });

  describe("address labels", () => {
    it("prints 25 customers on two A4 sheets of 24 labels, umlauts and all", async () => {
      for (let i = 0; i < 25; i++)
        await createCustomer(alice, {
          name: `Label ${String(i).padStart(2, "0")} Gärtnerei Groß – ${"sehr lang ".repeat(i === 0 ? 8 : 0)}Łódź`,
          types: [labelled],
        });
      const response = await download(alice, `/api/reports/customers/labels.pdf?type=${encodeURIComponent(labelled)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(/address-labels-\d{4}-\d{2}-\d{2}\.pdf/);
      const pdf = response.bytes.toString("latin1");
      expect(pdf.startsWith("%PDF-")).toBe(true);
      expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2);
      expect(pdf.match(/\/Count (\d+)/)?.[1]).toBe("2");
    });

    it("gives one blank sheet when nothing matches, and refuses bad filters before starting the file", async () => {
      const empty = await download(alice, "/api/reports/customers/labels.pdf?from=2000-01-01&to=2000-01-02");
      expect(empty.status).toBe(200);
      expect(empty.bytes.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);
      const bad = await download(alice, "/api/reports/customers/labels.pdf?type=Nonexistent");
      expect(bad.status).toBe(400);
    });
  });

  describe("activity list", () => {
    it("lists customer activities of a period, oldest first, with customer and owner, filtered", async () => {
      const all = await alice.get("/api/reports/activities?from=2026-01-01&to=2026-12-31");
      expect(all.status).toBe(200);
      expect(all.body.items.map((item: { type: string }) => item.type)).toEqual([
        "CALL",
        "CALL",
        "VISIT",
        "MEETING",
        "CALL",
      ]);
      expect(all.body.items[0]).toEqual(
        expect.objectContaining({
          startsAt: "2026-01-31T22:30:00.000Z",
          customer: expect.objectContaining({ name: trickyName, status: { code: 1, label: "Customer" } }),
          owner: expect.objectContaining({ email: "alice@contoso.com" }),
        }),
      );
      // Alice's January, in her zone, holds only the 23:30 call.
      const january = await alice.get("/api/reports/activities?from=2026-01-01&to=2026-01-31");
      expect(january.body.total).toBe(1);
      const bobs = await alice.get(`/api/reports/activities?from=2026-01-01&to=2026-12-31&salesman=${bobId}`);
      expect(bobs.body.total).toBe(2);
      const planned = await alice.get("/api/reports/activities?from=2026-01-01&to=2026-12-31&activityStatus=PLANNED");
      expect(planned.body.items.map((item: { type: string }) => item.type)).toEqual(["VISIT"]);
      const prospects = await alice.get(
        "/api/reports/activities?from=2026-01-01&to=2026-12-31&status=2&activityType=CALL",
      );
      expect(prospects.body.total).toBe(1);
      const retailOnly = await alice.get(
        `/api/reports/activities?from=2026-01-01&to=2026-12-31&type=${encodeURIComponent(retail)}`,
      );
      expect(retailOnly.body.total).toBe(2);
    });

    it("exports CSV and requires a period of at most a year", async () => {
      const csv = parseCsv(
        (await download(alice, "/api/reports/activities?from=2026-01-01&to=2026-12-31&format=csv")).bytes.toString(
          "utf8",
        ),
      );
      expect(csv).toHaveLength(6);
      expect(csv[1]![csv[0]!.indexOf("Customer")]).toBe(trickyName);
      const missing = await alice.get("/api/reports/activities");
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.map((detail: { field: string }) => detail.field)).toEqual([
        "query.from",
        "query.to",
      ]);
      const tooLong = await alice.get("/api/reports/activities?from=2026-01-01&to=2027-01-02");
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.details[0].field).toBe("query.to");
      const unknownType = await alice.get("/api/reports/activities?from=2026-01-01&to=2026-01-02&activityType=LUNCH");
      expect(unknownType.body.error.details[0].field).toBe("query.activityType.0");
    });
  });

  describe("activity summary", () => {
    it("counts per month in the caller's zone, per salesman and kind, planned against done, with e-mails logged", async () => {
      const response = await alice.get("/api/reports/activity-summary?from=2026-01-01&to=2026-02-28");
      expect(response.status).toBe(200);
      expect(response.body.periods).toEqual(["2026-01-01", "2026-02-01"]);
      expect(response.body.timeZone).toBe("Europe/Berlin");
      const row = (period: string, email: string, kind: string) =>
        response.body.rows.find(
          (r: { period: string; salesman: { email: string }; kind: string }) =>
            r.period === period && r.salesman.email === email && r.kind === kind,
        );
      expect(row("2026-01-01", "alice@contoso.com", "CALL")).toEqual(expect.objectContaining({ done: 1, planned: 0 }));
      expect(row("2026-02-01", "alice@contoso.com", "CALL")).toEqual(expect.objectContaining({ done: 1, planned: 0 }));
      expect(row("2026-02-01", "alice@contoso.com", "VISIT")).toEqual(expect.objectContaining({ done: 0, planned: 1 }));
      expect(row("2026-02-01", "alice@contoso.com", "EMAIL_LOGGED")).toEqual(expect.objectContaining({ done: 1 }));
      expect(row("2026-02-01", "bob@contoso.com", "MEETING")).toEqual(expect.objectContaining({ done: 1 }));
      expect(response.body.rows).toHaveLength(5);

      // Bob works in UTC: both late-January calls are January's for him.
      const utc = await bob.get(`/api/reports/activity-summary?from=2026-01-01&to=2026-02-28&salesman=${aliceId}`);
      const calls = utc.body.rows.filter((r: { kind: string }) => r.kind === "CALL");
      expect(calls).toEqual([expect.objectContaining({ period: "2026-01-01", done: 2 })]);
    });

    it("groups by Monday-first weeks and exports CSV", async () => {
      const weeks = await alice.get(
        "/api/reports/activity-summary?from=2026-01-28&to=2026-02-11&groupBy=week&salesman=me",
      );
      expect(weeks.body.periods).toEqual(["2026-01-26", "2026-02-02", "2026-02-09"]);
      expect(weeks.body.rows.map((r: { period: string; kind: string }) => `${r.period} ${r.kind}`)).toEqual([
        "2026-01-26 CALL",
        "2026-02-02 EMAIL_LOGGED",
        "2026-02-09 VISIT",
      ]);
      const csv = parseCsv(
        (
          await download(alice, "/api/reports/activity-summary?from=2026-01-01&to=2026-02-28&format=csv")
        ).bytes.toString("utf8"),
      );
      expect(csv[0]).toEqual(["Period", "Salesman", "Kind", "Planned", "Done", "Cancelled"]);
      expect(csv).toHaveLength(6);
      const bad = await alice.get("/api/reports/activity-summary?from=2026-01-01&to=2026-02-28&groupBy=day");
      expect(bad.body.error.details[0].field).toBe("query.groupBy");
    });
  });

  describe("quote list", () => {
    beforeAll(async () => {
      await alice.post(`/api/customers/${tricky.id}/release`, { version: 1 });
      await manager.post(`/api/customers/${tricky.id}/approve`, { version: 2 });
      const quote = (currency: string, unitPrice: string) =>
        alice.post("/api/quotes", {
          customerId: tricky.id,
          currency,
          lines: [{ item: "PUMP", quantity: "1", unitPrice }],
        });
      await quote("EUR", "100.10");
      await quote("EUR", "0.20");
      await quote("USD", "50");
    });

    it("lists quotes newest first with totals per currency over every match, filtered by the customer's salesman", async () => {
      const response = await bob.get("/api/reports/quotes?limit=1");
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(3);
      expect(response.body.items).toHaveLength(1);
      expect(response.body.items[0]).toEqual(
        expect.objectContaining({ currency: "USD", total: "50.00", status: "OPEN", salesmen: ["Alice"] }),
      );
      expect(response.body.totals).toEqual([
        { currency: "EUR", count: 2, total: "100.30" },
        { currency: "USD", count: 1, total: "50.00" },
      ]);
      expect((await bob.get("/api/reports/quotes?salesman=me")).body.total).toBe(0);
      expect((await alice.get("/api/reports/quotes?salesman=me")).body.total).toBe(3);
      expect((await alice.get("/api/reports/quotes?quoteStatus=CANCELLED")).body.total).toBe(0);
      expect((await alice.get("/api/reports/quotes?status=2")).body.total).toBe(0);
      const csv = parseCsv((await download(alice, "/api/reports/quotes?format=csv")).bytes.toString("utf8"));
      expect(csv.slice(1).map((row) => row[csv[0]!.indexOf("Total")])).toEqual(["50.00", "0.20", "100.10"]);
      expect(csv[1]![csv[0]!.indexOf("Customer")]).toBe(trickyName);
    });
  });

  describe("contact history", () => {
    it("counts finished calls, visits and meetings, and logged e-mails per month of the caller, zero months included", async () => {
      const customer = await createCustomer(alice);
      const now = new Date(Date.now() - 60_000).toISOString();
      await alice.post("/api/activities", {
        customerId: customer.id,
        type: "CALL",
        subject: "Today",
        startsAt: now,
        timeZone: "Europe/Berlin",
        status: "FINISHED",
      });
      await alice.post("/api/activities", {
        customerId: customer.id,
        type: "MEETING",
        subject: "Still planned",
        startsAt: now,
        timeZone: "Europe/Berlin",
      });
      await alice.post("/api/email-log", {
        internetMessageId: `<${unique("msg")}@fabrikam.example>`,
        subject: "Today",
        from: { email: "jonas@fabrikam.example" },
        to: [{ email: "alice@contoso.com" }],
        cc: [],
        sentAt: now,
        bodyHtml: "<p>Hi</p>",
        customerId: customer.id,
      });
      const response = await alice.get(`/api/customers/${customer.id}/contact-history?months=3`);
      expect(response.status).toBe(200);
      expect(response.body.months).toHaveLength(3);
      expect(response.body.months.slice(0, 2)).toEqual([
        expect.objectContaining({ calls: 0, meetings: 0, emails: 0 }),
        expect.objectContaining({ calls: 0, meetings: 0, emails: 0 }),
      ]);
      const thisMonth = dayInZone(new Date(), "Europe/Berlin").slice(0, 7);
      expect(response.body.months[2]).toEqual({ month: thisMonth, calls: 1, meetings: 0, emails: 1 });
      expect((await alice.get(`/api/customers/${customer.id}/contact-history`)).body.months).toHaveLength(12);
      expect((await alice.get(`/api/customers/${customer.id}/contact-history?months=0`)).status).toBe(400);
      expect((await alice.get("/api/customers/00000000-0000-4000-8000-000000000000/contact-history")).status).toBe(404);
    });
  });
});
