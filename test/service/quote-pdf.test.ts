import type { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { readPdf } from "../support/pdf-text";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

/** The raw reply of a download, which the JSON client cannot read. */
async function download(client: ApiClient | null, baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { ...headers, ...(client ? { authorization: `Bearer ${client.token}` } : {}) },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString("utf8") };
}

/** pdf.js may split a line into several runs; compare text with all white space squeezed out. */
const squeezed = (text: string) => text.replace(/\s+/g, "");

describe.each(testBackends())("printable quotes and orders on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let bob: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend, {
      COMPANY_NAME: "Contoso Pumps GmbH",
      COMPANY_ADDRESS: "Industriestraße 5; 80331 München; Germany",
    });
    alice = await service.as("alice@contoso.com");
    bob = await service.as("bob@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    await alice.patch("/api/me", { timeZone: "Europe/Berlin" });
  });
  afterAll(() => service.stop());

  async function activeCustomer(overrides: Record<string, unknown> = {}) {
    const customer = await createCustomer(alice, overrides);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    return (await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 })).body.customer;
  }

  async function quote(customerId: string, lines: unknown[], extra: Record<string, unknown> = {}) {
    const response = await alice.post("/api/quotes", { customerId, validUntil: "2027-01-31", lines, ...extra });
    if (response.status !== 201) throw new Error(`quote: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string; number: number; totals: { total: string } };
  }

  const lines = [
    { item: "PUMP-200", description: "Pump 200 l/min", quantity: "7", unitPrice: "1999.99", discountPercent: "12.5" },
    { item: "SEAL-KIT", quantity: "1.5", unitPrice: "0.99" },
  ];

  it("prints the letterhead, the customer's address, number, dates, lines and totals in the reader's locale", async () => {
    const customer = await activeCustomer({
      name: "Bäckerei Müller & Söhne",
      address: { street: "Hauptstraße 12", postalCode: "10115", city: "Berlin", country: "Germany" },
    });
    const created = await quote(customer.id, lines, { title: "Pumps for line 3" });

    const german = await download(alice, service.url, `/api/quotes/${created.id}/pdf?locale=de-DE`);
    expect(german.status).toBe(200);
    expect(german.headers.get("content-type")).toBe("application/pdf");
    expect(german.headers.get("content-disposition")).toBe(
      `attachment; filename="quote-Q-${created.number}.pdf"; filename*=UTF-8''quote-Q-${created.number}.pdf`,
    );
    const pdf = await readPdf(german.bytes);
    expect(pdf.title).toBe(`Quote Q-${created.number}`);
    expect(pdf.pages).toHaveLength(1);
    const text = squeezed(pdf.text);
    for (const expected of [
      "Contoso Pumps GmbH",
      "Industriestraße 5",
      "80331 München",
      `Quote Q-${created.number}`,
      "Bäckerei Müller & Söhne",
      "Hauptstraße 12",
      "10115 Berlin",
      "Pumps for line 3",
      "Valid until:31. Januar 2027",
      "PUMP-200",
      "Pump 200 l/min",
      "SEAL-KIT",
      // 7 × 1,999.99 = 13,999.93, less 12.5 % (1,749.99) = 12,249.94; 1.5 × 0.99 = 1.485 → 1.49.
      "1.999,99 €",
      "12,5 %",
      "12.249,94 €",
      "1,49 €",
      "Subtotal14.001,42 €",
      "Discount-1.749,99 €",
      "Total12.251,43 €",
      "page 1 of 1",
    ])
      expect(text).toContain(squeezed(expected));
    expect(created.totals.total).toBe("12251.43");

    // Without ?locale= the browser's Accept-Language decides; without either, en-GB.
    const american = await readPdf(
      (await download(alice, service.url, `/api/quotes/${created.id}/pdf`, { "accept-language": "fr;q=0.5, en-US" }))
        .bytes,
    );
    expect(squeezed(american.text)).toContain(squeezed("Total€12,251.43"));
    expect(squeezed(american.text)).toContain(squeezed("Valid until:January 31, 2027"));
    const british = await readPdf((await download(alice, service.url, `/api/quotes/${created.id}/pdf`)).bytes);
    expect(squeezed(british.text)).toContain(squeezed("Valid until:31 January 2027"));
  });

  it("prints a sales order under its own number, without a validity", async () => {
    const customer = await activeCustomer({ name: "Northwind Traders" });
    const order = (await alice.post("/api/orders", { customerId: customer.id, currency: "CHF", lines })).body;
    const response = await download(alice, service.url, `/api/orders/${order.id}/pdf?locale=de-CH`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`filename="order-SO-${order.number}.pdf"`);
    const text = squeezed((await readPdf(response.bytes)).text);
    expect(text).toContain(squeezed(`Sales order SO-${order.number}`));
    expect(text).toContain("NorthwindTraders");
    expect(text).not.toContain("Validuntil");
    expect(text).toMatch(/TotalCHF12['’]251\.43/);
  });

  it("continues a 200-line quote over pages, the table head on each, every line once, the totals last", async () => {
    const customer = await activeCustomer({ name: "Long Quote AG" });
    const many = Array.from({ length: 200 }, (_, index) => ({
      item: `ITEM-${String(index + 1).padStart(3, "0")}`,
      quantity: "1",
      unitPrice: "10.00",
    }));
    const created = await quote(customer.id, many);
    const pdf = await readPdf((await download(alice, service.url, `/api/quotes/${created.id}/pdf`)).bytes);
    // One line of 9 pt text per row: 200 rows need several A4 pages, and not one page per few rows.
    expect(pdf.pages.length).toBeGreaterThanOrEqual(5);
    expect(pdf.pages.length).toBeLessThanOrEqual(8);
    pdf.pages.forEach((page, index) => {
      expect(page).toContain(`page ${index + 1} of ${pdf.pages.length}`);
      expect(page).toContain("Line total");
    });
    const items = pdf.pages.flatMap((page) => page.match(/ITEM-\d{3}/g) ?? []);
    expect(items).toEqual(many.map((line) => line.item));
    expect(squeezed(pdf.pages.at(-1)!)).toContain(squeezed("Total €2,000.00"));
    expect(pdf.pages.slice(0, -1).some((page) => page.includes("Subtotal"))).toBe(false);
  });

  it("prints hostile text as text, inside the page: HTML, direction overrides, scripts it cannot draw, endless words", async () => {
    const customer = await activeCustomer({
      name: `<img src=x onerror=alert(1)> ${"N".repeat(150)}`,
      address: { street: "\u202Etsiger\u202C Straße 1", city: "תל אביב", country: "مصر" },
    });
    const word = "Donaudampfschifffahrtsgesellschaft".repeat(30).slice(0, 1000);
    const hostile = [
      { item: "<script>alert(1)</script>", description: "<b>bold</b> &amp; <i>not</i>", quantity: "1", unitPrice: "1" },
      { item: "W".repeat(80), description: word, quantity: "99999.999", unitPrice: "9999999.99" },
      { item: "RTL", description: "\u202Egnp.exe\u202C שלום עולם مرحبا \u200F", quantity: "1", unitPrice: "1" },
      { item: "LINES", description: "a\n\n\n\n\n\nb\r\nc".padEnd(1000, "\n"), quantity: "1", unitPrice: "1" },
    ];
    const long = Array.from({ length: 200 }, (_, index) => ({
      ...hostile[index % hostile.length]!,
      item: index < hostile.length ? hostile[index]!.item : `X${index}-${"Y".repeat(70)}`,
      description: hostile[index % hostile.length]!.description ?? word,
    }));
    const created = await quote(customer.id, long, { title: `${"T".repeat(120)}\n<h1>title</h1>` });
    const response = await download(alice, service.url, `/api/quotes/${created.id}/pdf?locale=ar-EG`);
    expect(response.status).toBe(200);
    const pdf = await readPdf(response.bytes);
    const text = pdf.text;
    expect(text).toContain("<script>alert(1)</script>");
    expect(squeezed(text)).toContain(squeezed("<b>bold</b> &amp; <i>not</i>"));
    expect(text).toContain("<img src=x onerror=alert(1)>");
    // Direction overrides are dropped, letters the standard fonts lack become "?", never a broken page.
    expect(text).not.toMatch(/[\u202A-\u202E\u200F]/);
    expect(text).toContain("tsiger Straße 1");
    expect(squeezed(text)).toContain("?????");
    // The 1000-character word wraps inside its cell: all of it is there, in pieces.
    expect(squeezed(text)).toContain(word.slice(0, 300));
    expect(pdf.pages.length).toBeGreaterThan(20);
    pdf.pages.forEach((page, index) => expect(page).toContain(`page ${index + 1} of ${pdf.pages.length}`));
    // Every line is printed, in order, and the totals in Latin digits whatever the locale.
    const all = squeezed(text);
    const at = long.slice(hostile.length).map((line) => all.indexOf(line.item.slice(0, 6)));
    expect(at.every((index, i) => index > 0 && (i === 0 || index > at[i - 1]!))).toBe(true);
    expect(squeezed(pdf.pages.at(-1)!)).toMatch(/Total[^\d]*[\d,.]+/);
    // Nothing is drawn off the page.
    expect(pdf.runs.flat().filter((run) => !run.inside)).toEqual([]);
  });

  it("is read exactly as the quote is: signed in, 404 for an unknown one, 400 for a bad id or locale", async () => {
    const customer = await activeCustomer();
    const created = await quote(customer.id, lines);
    for (const path of [`/api/quotes/${created.id}`, `/api/quotes/${created.id}/pdf`]) {
      expect((await download(null, service.url, path)).status).toBe(401);
      // Reading is open to every signed-in user, as for the quote itself.
      expect((await download(bob, service.url, path)).status).toBe(200);
    }
    for (const [read, print] of [
      [`/api/quotes/${UNKNOWN}`, `/api/quotes/${UNKNOWN}/pdf`],
      [`/api/orders/${UNKNOWN}`, `/api/orders/${UNKNOWN}/pdf`],
      ["/api/quotes/not-an-id", "/api/quotes/not-an-id/pdf"],
    ]) {
      const [a, b] = [await download(bob, service.url, read!), await download(bob, service.url, print!)];
      expect(b.status).toBe(a.status);
      const error = (reply: { text: string }) => ({ ...JSON.parse(reply.text).error, requestId: undefined });
      expect(error(b)).toEqual(error(a));
    }
    const badLocale = await download(alice, service.url, `/api/quotes/${created.id}/pdf?locale=<script>`);
    expect(badLocale.status).toBe(400);
    expect(JSON.parse(badLocale.text).error.details[0].field).toBe("query.locale");
  });
});
