import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, MIA, ok } from "./support/crm-world";
import type { TestMessage } from "./support/office-mock";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

// Testing Library reads text with its white space collapsed: the no-break space before "€" is a space there.
// Outlook's UI in German (Office.context.displayLanguage "de-DE"): the record's comments, notes,
// quotes, orders, special prices and timeline speak German and write dates and money as Germans
// do; what users typed (titles, items, names) stays as typed.
const GERMAN_OUTLOOK = { displayLanguage: "de-DE" };

// "Mo., 1. Dez. 2026, 19:30": weekday, day, month, year and 24-hour time.
const GERMAN_DATE_TIME = /\p{L}{2}\., \d{1,2}\. \p{L}+\.? \d{4}, \d{2}:\d{2}/u;

// The record's frame and its tab names are another part of the pane (features/record), which may
// still be English or already German: these suites only hold what is inside the tabs to German.
const RECORD = /^(Customer record|Kundendatensatz) Fabrikam, Inc\.$/;
const TABS = { quotes: /^(Quotes|Angebote)$/, timeline: /^(Timeline|Verlauf)$/ };

async function openRecord(message: TestMessage = { from: JONAS, subject: "Angebot" }) {
  const view = renderPane(message, GERMAN_OUTLOOK);
  const record = await screen.findByRole("article", { name: RECORD });
  return { ...view, record };
}

async function openTab(record: HTMLElement, tab: RegExp) {
  const user = userEvent.setup();
  await user.click(within(record).getByRole("tab", { name: tab }));
  return { user, panel: await within(record).findByRole("tabpanel", { name: tab }) };
}

/** A quote for Fabrikam by the pane's user through the API: two lines, valid until 31 January 2027. */
async function fabrikamQuote() {
  return ok(
    (await crm.as(crm.me)).post("/api/quotes", {
      customerId: crm.customers.fabrikam.id,
      title: "Pumpen für Linie 3",
      validUntil: "2027-01-31",
      lines: [
        { item: "PUMP-200", quantity: "2", unitPrice: "1750.00", discountPercent: "10" },
        { item: "SEAL-KIT", quantity: "1.5", unitPrice: "0.99" },
      ],
    }),
    201,
    "quote",
  );
}

describe("the customer's tabs in a German Outlook", () => {
  it("shows comments and notes in German, dated as Germans write it", async () => {
    await ok(
      (await crm.as(ALICE)).post(`/api/customers/${crm.customers.fabrikam.id}/comments`, {
        body: "Vor dem Besuch immer anrufen",
        pinned: true,
      }),
      201,
      "comment",
    );
    const { record } = await openRecord();
    const comments = await within(record).findByRole("region", { name: "Kommentare" });
    const pinned = within(comments).getByRole("listitem", { name: "Angehefteter Kommentar" });
    expect(pinned).toHaveTextContent("Angeheftet");
    expect(pinned).toHaveTextContent("Vor dem Besuch immer anrufen");
    expect(within(pinned).getByText(/^Alice Wagner · /)).toHaveTextContent(GERMAN_DATE_TIME);
    expect(within(comments).getByRole("button", { name: "Kommentar hinzufügen" })).toBeInTheDocument();

    expect(within(record).getByRole("heading", { name: "Notizen" })).toBeInTheDocument();
    const note = within(record).getByRole("listitem", { name: "Notiz von Alice Wagner" });
    expect(within(note).getByText(/^Alice Wagner · /)).toHaveTextContent(GERMAN_DATE_TIME);
    expect(within(note).getByRole("button", { name: "Notiz von Alice Wagner bearbeiten" })).toHaveTextContent(
      "Bearbeiten",
    );
  });

  it("lists quotes and special prices with German money and days, and prices a new quote in euros as Germans write them", async () => {
    const quote = await fabrikamQuote();
    await ok(
      (await crm.as(MIA)).post(`/api/customers/${crm.customers.fabrikam.id}/special-prices`, {
        item: "PUMP-200",
        description: "Rahmenvertrag",
        currency: "EUR",
        unitPrice: "1750.00",
        discountPercent: "12.5",
        validFrom: "2026-01-01",
        validUntil: null,
      }),
      201,
      "special price",
    );
    const { record } = await openRecord();
    const { user, panel } = await openTab(record, TABS.quotes);
    const documents = await within(panel).findByRole("region", { name: "Angebote und Aufträge" });
    const listed = within(documents).getByRole("listitem", { name: `Q-${quote.number}` });
    expect(listed).toHaveTextContent("Pumpen für Linie 3");
    expect(within(listed).getByText("offen")).toBeInTheDocument();
    // 2 × 1.750,00 less 10 % + 1,5 × 0,99: "3.151,49 €", created today, valid until 31.01.2027.
    expect(listed).toHaveTextContent(/3\.151,49 € · \p{L}{2}\., \d{1,2}\. \p{L}+\.? \d{4} · gültig bis 31\.01\.2027/u);
    expect(within(listed).getByRole("button", { name: `PDF von Q-${quote.number}` })).toBeInTheDocument();
    expect(within(listed).getByRole("button", { name: `Q-${quote.number} in Auftrag umwandeln` })).toBeInTheDocument();

    const prices = within(panel).getByRole("region", { name: "Sonderpreise" });
    const price = within(prices).getByRole("listitem", { name: "Sonderpreis PUMP-200 EUR" });
    expect(price).toHaveTextContent("PUMP-200 · 1.750,00 € abzüglich 12,5 %");
    expect(price).toHaveTextContent("Rahmenvertrag · gültig 01.01.2026 – …");

    await user.click(within(documents).getByRole("button", { name: "Neues Angebot" }));
    const form = within(documents).getByRole("form", { name: "Neues Angebot" });
    const line = within(form).getByRole("group", { name: "Position 1" });
    await user.type(within(line).getByRole("textbox", { name: "Artikel" }), "SEAL-KIT");
    await user.type(within(line).getByRole("textbox", { name: "Einzelpreis" }), "1234.5");
    expect(within(line).getByText("Positionssumme 1.234,50 €")).toBeInTheDocument();
    expect(within(form).getByRole("status", { name: "Summen" })).toHaveTextContent(
      "Zwischensumme 1.234,50 € · Rabatt 0,00 € · Gesamt 1.234,50 €",
    );
    expect(within(form).getByRole("button", { name: "Angebot anlegen" })).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Zurück" })).toBeInTheDocument();
  });

  it("inserts a quote's summary into a reply in German, with German amounts and days", async () => {
    const quote = await fabrikamQuote();
    const { record, outlook } = await openRecord({
      from: JONAS,
      subject: "AW: Angebot",
      compose: { bodyType: "text" },
      text: "Sehr geehrter Herr Keller,\n",
    });
    const { user, panel } = await openTab(record, TABS.quotes);
    const listed = await within(panel).findByRole("listitem", { name: `Q-${quote.number}` });
    await user.click(
      await within(listed).findByRole("button", { name: `Q-${quote.number} in die Nachricht einfügen` }),
    );
    expect(await within(listed).findByRole("status")).toHaveTextContent(
      `Q-${quote.number} steht jetzt als Nur-Text in Ihrer Nachricht.`,
    );
    const { content } = outlook.draft()!;
    expect(content).toContain(`Angebot Q-${quote.number}: Pumpen für Linie 3`);
    expect(content).toContain("2 × PUMP-200 zu je 1.750,00\u00a0€ abzüglich 10 % = 3.150,00\u00a0€");
    expect(content).toContain("1,5 × SEAL-KIT zu je 0,99\u00a0€ = 1,49\u00a0€");
    expect(content).toContain("Gesamt: 3.151,49\u00a0€");
    expect(content).toContain("Gültig bis 31. Januar 2027");
  });

  it("shows the timeline, its filter and the contacts chart in German", async () => {
    const { record } = await openRecord();
    const { panel } = await openTab(record, TABS.timeline);
    const entries = await within(panel).findByRole("list", { name: "Verlaufseinträge" });
    expect(within(panel).getByRole("heading", { name: "Verlauf" })).toBeInTheDocument();
    const filter = within(panel).getByRole("group", { name: "Verlaufsfilter" });
    for (const kind of ["Aktivität", "E-Mail", "Notiz", "Angebot", "Auftrag", "Freigabe"])
      expect(within(filter).getByRole("checkbox", { name: kind })).toBeInTheDocument();
    // The world's planned review (1 March 2099) first, its badge German, its day as Germans write it.
    const first = within(entries).getAllByRole("listitem")[0]!;
    expect(first).toHaveTextContent(/^Aktivität/);
    expect(first).toHaveTextContent(/So\., 1\. März 2099, \d{2}:\d{2}/);
    expect(within(panel).getByText(/^\d+ von \d+$/)).toBeInTheDocument();

    expect(within(panel).getByRole("heading", { name: "Kontakte pro Monat" })).toBeInTheDocument();
    // The world's contacts lie further back than a year: the chart says there were none, in German.
    expect(
      await within(panel).findByRole("img", {
        name: /^Keine Anrufe, Besuche, Besprechungen oder E-Mails in den letzten 12 Monaten\.$/,
      }),
    ).toBeInTheDocument();
    const table = within(panel).getByRole("table", { name: "Kontakte pro Monat" });
    const thisMonth = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(),
    );
    expect(within(table).getByRole("columnheader", { name: "Besuche und Besprechungen" })).toBeInTheDocument();
    expect(within(table).getByRole("rowheader", { name: thisMonth })).toBeInTheDocument();
    expect(within(panel).getByRole("heading", { name: "Freigabeverlauf" })).toBeInTheDocument();
  });
});

// Reports, beside the record: its own view of the pane.
describe("reports in a German Outlook", () => {
  it("offers the reports in German and shows the quote list with German money", async () => {
    await fabrikamQuote();
    renderPane(null, GERMAN_OUTLOOK);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: /^(Reports|Berichte)$/ }));
    const form = await screen.findByRole("form", { name: "Bericht" });
    const report = within(form).getByRole("combobox", { name: "Bericht" });
    expect(
      within(report)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Kundenliste", "Aktivitätenliste", "Aktivitäten pro Zeitraum", "Angebotsliste"]);
    await user.selectOptions(report, "Aktivitätenliste");
    expect(within(form).getByRole("group", { name: "Kundentypen" })).toBeInTheDocument();
    expect(within(form).getByRole("combobox", { name: "Verantwortlich" })).toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/^Von/));
    expect(within(form).getByRole("alert")).toHaveTextContent("Dieser Bericht braucht einen Zeitraum");

    await user.selectOptions(report, "Angebotsliste");
    await user.clear(within(form).getByLabelText(/^Bis/));
    await user.click(within(form).getByRole("button", { name: "Bericht anzeigen" }));
    const results = await screen.findByRole("region", { name: "Berichtsergebnisse" });
    const list = await within(results).findByRole("list", { name: "Angebotsliste" });
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent(/3\.151,49 € · offen · /);
    expect(within(results).getByText(/^1 Angebot · gesamt 3\.151,49 €$/)).toBeInTheDocument();
    expect(within(results).getByRole("button", { name: "Als CSV exportieren" })).toBeInTheDocument();
  });
});
