import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, ok } from "./support/crm-world";
import { JONAS, findEnabledButton, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

// Outlook's UI in German (Office.context.displayLanguage "de-DE"): the pane speaks German and
// formats dates and money as Germany does; names and subjects stay as the user typed them.
const GERMAN_OUTLOOK = { displayLanguage: "de-DE" };

describe("the pane in a German Outlook", () => {
  it("shows the email's people and the customer's record in German, with German dates", async () => {
    renderPane({ from: JONAS, subject: "Offener Auftrag" }, GERMAN_OUTLOOK);
    expect(await screen.findByRole("tab", { name: "Diese E-Mail" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: "Kunden suchen" })).toBeInTheDocument();
    const record = await screen.findByRole("article", { name: "Kundendatensatz Fabrikam, Inc." });
    const people = screen.getByRole("list", { name: "Personen auf dieser E-Mail" });
    expect(within(people).getByText("Jonas Keller · Fabrikam, Inc.")).toBeInTheDocument();

    expect(within(record).getByText("Konto 10001")).toBeInTheDocument();
    expect(within(record).getByText("Aktiv (genehmigt)")).toBeInTheDocument();
    expect(within(record).getByText("Status 1 · Customer")).toHaveAttribute("title", "Kunde: darf Aufträge erhalten");
    // The finished visit on 1 November 2025 and the review planned for 1 March 2099, as Germans write them.
    expect(within(record).getByTestId("last-interaction")).toHaveTextContent("Besuch, Sa., 1. Nov. 2025");
    expect(within(record).getByTestId("next-step")).toHaveTextContent(
      "Besprechung, So., 1. März 2099 · Quarterly business review",
    );
    const planned = await within(record).findByRole("list", { name: "Aktivitäten: Geplant" });
    expect(within(planned).getByText("Besprechung")).toBeInTheDocument();
    expect(
      within(planned).getByText(/^So\., 1\. März 2099, 13:00 · Alice Wagner · Erinnerung 15 Minuten vorher$/),
    ).toBeInTheDocument();
    const actions = within(record).getByRole("group", { name: "Hauptaktionen" });
    expect(within(actions).getByRole("button", { name: "Neue Aktivität" })).toBeInTheDocument();
    expect(within(actions).getByRole("button", { name: "Notiz hinzufügen" })).toBeInTheDocument();
    expect(within(record).getByRole("tab", { name: "Übersicht" })).toBeInTheDocument();
    expect(within(record).getByRole("tab", { name: "Dateien" })).toBeInTheDocument();
  });

  it("logs the email in German and dates the log entry as Germans write it", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Offener Auftrag" }, GERMAN_OUTLOOK);
    const record = await screen.findByRole("article", { name: "Kundendatensatz Fabrikam, Inc." });
    await user.click(await findEnabledButton("Diese E-Mail protokollieren", record));
    const logged = await within(record).findByRole("status");
    expect(logged).toHaveTextContent("✓ Protokolliert");
    // "von Alice Wagner, Di., 1. Dez. 2026, 19:30": weekday, day, month, year and 24-hour time.
    expect(logged).toHaveTextContent(/von Alice Wagner, \p{L}{2}\., \d{1,2}\. \p{L}+\.? \d{4}, \d{2}:\d{2}$/u);
    const log = await within(record).findByRole("list", { name: "Protokollierte E-Mails" });
    expect(within(log).getByText("Offener Auftrag")).toBeInTheDocument();
    expect(within(record).getByRole("heading", { name: "E-Mail-Protokoll (1)" })).toBeInTheDocument();
    expect((await crm.read(`/api/customers/${crm.customers.fabrikam.id}/email-log`)).items).toHaveLength(1);
  });

  it("shows opportunities, incidents and actions in German, with money as Germans write it", async () => {
    const alice = await crm.as(ALICE);
    const customerId = crm.customers.fabrikam.id;
    await ok(
      alice.post("/api/opportunities", {
        customerId,
        title: "Rahmenvertrag 2027",
        value: "125000.00",
        currency: "EUR",
        stage: "PROPOSAL",
        probability: 50,
      }),
      201,
      "opportunity",
    );
    await ok(
      alice.post("/api/incidents", {
        customerId,
        subject: "Förderband stoppt",
        severity: "CRITICAL",
        state: "IN_PROGRESS",
      }),
      201,
      "incident",
    );
    renderPane({ from: JONAS, subject: "Offener Auftrag" }, GERMAN_OUTLOOK);
    const record = await screen.findByRole("article", { name: "Kundendatensatz Fabrikam, Inc." });
    // The Overview's sections come a moment after the record's head (a deferred render).
    const opportunities = await within(record).findByRole("region", { name: "Verkaufschancen" });
    // "125.000,00 €": a dot between thousands, a comma before cents, the sign after; "50 %" with a space.
    expect(within(opportunities).getByText(/^125\.000,00\s€ · 50\s% · Alice Wagner$/)).toBeInTheDocument();
    expect(within(opportunities).getByRole("combobox", { name: "Phase von Rahmenvertrag 2027" })).toHaveDisplayValue(
      "Angebot",
    );
    const incidents = within(record).getByRole("region", { name: "Vorfälle" });
    expect(within(incidents).getByText("kritisch")).toBeInTheDocument();
    expect(within(incidents).getByRole("combobox", { name: "Stand von Förderband stoppt" })).toHaveDisplayValue(
      "In Bearbeitung",
    );
    expect(
      within(incidents).getByText(/^Alice Wagner · eröffnet \p{L}{2}\., \d{1,2}\. \p{L}+\.? \d{4}$/u),
    ).toBeInTheDocument();
    expect(within(record).getByRole("button", { name: "Neue Verkaufschance" })).toBeInTheDocument();
  });

  it("searches customers in German", async () => {
    const user = userEvent.setup();
    renderPane(null, GERMAN_OUTLOOK);
    await user.click(await screen.findByRole("tab", { name: "Kunden suchen" }));
    const form = screen.getByRole("search", { name: "Kunden suchen" });
    await user.type(within(form).getByRole("searchbox", { name: "Suche" }), "Fabrikam");
    await user.click(within(form).getByRole("button", { name: "Suchen" }));
    const results = await screen.findByRole("region", { name: "Suchergebnisse" });
    expect(within(results).getByText("2 Kunden")).toBeInTheDocument();
  });

  it("plans an activity in German, its repeats worded and its date written as Germans do", async () => {
    const user = userEvent.setup();
    renderPane({ from: JONAS, subject: "Besuchstermin" }, GERMAN_OUTLOOK);
    const record = await screen.findByRole("article", { name: "Kundendatensatz Fabrikam, Inc." });
    await user.click(within(record).getByRole("button", { name: "Neue Aktivität" }));
    const form = screen.getByRole("form", { name: "Neue Aktivität" });
    expect(within(form).getByRole("combobox", { name: "Vorlage" })).toBeInTheDocument();
    expect(within(form).getByRole("combobox", { name: "Art" })).toHaveDisplayValue("Anruf");
    expect(within(form).getByRole("combobox", { name: "Ansprechpartner" })).toHaveDisplayValue("Jonas Keller");
    expect(within(form).getByRole("combobox", { name: "Erinnerung" })).toHaveDisplayValue("15 Minuten vorher");
    expect(within(form).getByRole("combobox", { name: "Zeitzone" })).toHaveDisplayValue("Europe/Berlin (Ihre)");
    const date = within(form).getByLabelText(/^Datum/);
    await user.clear(date);
    await user.type(date, "2099-03-02");
    const time = within(form).getByLabelText(/^Uhrzeit/);
    await user.clear(time);
    await user.type(time, "09:30");
    // 2 March 2099 is a Monday, the first of its month.
    const repeats = within(form).getByRole("combobox", { name: "Wiederholung" });
    expect(within(repeats).getByRole("option", { name: "Jede Woche am Montag" })).toBeInTheDocument();
    expect(within(repeats).getByRole("option", { name: "Alle 2 Wochen am Montag" })).toBeInTheDocument();
    expect(within(repeats).getByRole("option", { name: "Jeden Monat am ersten Montag" })).toBeInTheDocument();
    expect(within(repeats).getByRole("option", { name: "Jeden Monat am 2." })).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Aktivität speichern" }));

    const planned = await within(record).findByRole("list", { name: "Aktivitäten: Geplant" });
    expect(await within(planned).findByText("Besuchstermin")).toBeInTheDocument();
    expect(
      within(planned).getByText(/^Mo\., 2\. März 2099, 09:30 · [^·]+ · Erinnerung 15 Minuten vorher$/),
    ).toBeInTheDocument();
  });

  it("stays English in an Outlook of another language", async () => {
    renderPane({ from: JONAS, subject: "Commande" }, { displayLanguage: "fr-FR" });
    expect(await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "This email" })).toBeInTheDocument();
  });
});
