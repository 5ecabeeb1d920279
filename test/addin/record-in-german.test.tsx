import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ALICE, BEN, type PaneUser, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm } from "./support/render-pane";

const crm = useCrm();

/** The pane in an Outlook whose display language is German. */
const GERMAN_OUTLOOK = { displayLanguage: "de-DE" };

// The record's own words (its name, its tabs) are the record feature's: matched in either language here,
// so this suite checks what the customer's sections say, not the frame around them.
const RECORD = /Fabrikam, Inc\./;
const tab = (english: string, german: string) => new RegExp(`^(${english}|${german})$`);

/** Question sets are the administrators' (profiling:manage). */
const ADA: PaneUser = { email: "ada.admin@contoso.com", name: "Ada Admin", role: "ADMIN", timeZone: "Europe/Berlin" };

/** "Di., 1. Dez. 2026": a date as German Outlook shows one. */
const GERMAN_DATE = /(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}/;
/** "Di., 1. Dez. 2026, 11:00": a date and time as German Outlook shows one. */
const GERMAN_DATE_TIME = /(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}, \d{2}:\d{2}/;

async function openRecord() {
  const user = userEvent.setup();
  renderPane({ from: JONAS, subject: "Vertrag" }, GERMAN_OUTLOOK);
  const record = await screen.findByRole("article", { name: RECORD });
  return { user, record };
}

describe("a customer's record in German Outlook", () => {
  it("words contacts, third parties, ship-to addresses and consent in German, with German dates", async () => {
    const alice = await crm.as(ALICE);
    await ok(
      alice.post(`/api/contacts/${crm.contacts.jonas.id}/consent`, {
        channel: "EMAIL",
        status: "WITHDRAWN",
        source: "Brief",
        date: "2025-12-01",
      }),
      201,
      "Jonas withdraws e-mail consent",
    );
    const { user, record } = await openRecord();
    await user.click(within(record).getByRole("tab", { name: tab("Details", "Details") }));

    const contacts = await within(record).findByRole("region", { name: "Ansprechpartner" });
    expect(within(contacts).getByRole("button", { name: "Jonas Keller bearbeiten" })).toBeInTheDocument();
    const thirdParties = within(record).getByRole("region", { name: "Drittparteien" });
    expect(within(thirdParties).getByText("Keine Drittparteien.")).toBeInTheDocument();
    expect(within(thirdParties).getByRole("button", { name: "Drittpartei hinzufügen" })).toBeInTheDocument();
    const shipTo = within(record).getByRole("region", { name: "Lieferadressen" });
    expect(within(shipTo).getByText("Keine Lieferadressen; Ware geht an die Hauptadresse.")).toBeInTheDocument();

    const consent = within(record).getByRole("region", { name: "Werbeeinwilligung" });
    const jonas = within(consent).getByRole("listitem", { name: "Einwilligung von Jonas Keller" });
    expect(within(jonas).getByRole("list", { name: "Aktuelle Einwilligung von Jonas Keller" })).toHaveTextContent(
      "E-Mail: Widerrufen Brief, 2025-12-01",
    );
    await user.click(within(jonas).getByRole("button", { name: "Verlauf anzeigen" }));
    const history = await within(jonas).findByRole("list", { name: "Verlauf der Einwilligungen von Jonas Keller" });
    expect(history).toHaveTextContent("2025-12-01 · E-Mail widerrufen · Brief");
    expect(history).toHaveTextContent(/erfasst von Alice Wagner, /);
    expect(history.textContent).toMatch(GERMAN_DATE_TIME);

    await user.click(within(jonas).getByRole("button", { name: "Einwilligung für Jonas Keller erfassen" }));
    const form = within(jonas).getByRole("form", { name: "Einwilligung für Jonas Keller erfassen" });
    expect(within(form).getByRole("combobox", { name: /^Kanal/ })).toHaveDisplayValue("E-Mail");
    expect(within(form).getByRole("radio", { name: "Erteilt" })).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Einwilligung speichern" })).toBeInTheDocument();
  });

  it("lists files with German type, size (decimal comma) and upload date", async () => {
    // 12,800 bytes: "12,5 KB" in German, "12.5 KB" in English.
    const head = "%PDF-1.7\n%";
    const tail = "\n1 0 obj << >> endobj\n%%EOF\n";
    const pdf = `${head}${"x".repeat(12_800 - head.length - tail.length)}${tail}`;
    const ben = await crm.as(BEN);
    await ok(
      ben.request(
        "POST",
        `/api/customers/${crm.customers.fabrikam.id}/attachments?fileName=${encodeURIComponent("Rahmenvertrag.pdf")}`,
        new TextEncoder().encode(pdf),
        { "content-type": "application/pdf" },
      ),
      201,
      "Ben's upload",
    );
    const { user, record } = await openRecord();
    await user.click(within(record).getByRole("tab", { name: tab("Files", "Dateien") }));

    expect(await within(record).findByRole("heading", { name: "Dateien (1)" })).toBeInTheDocument();
    expect(
      within(record).getByText("PDF, Bilder, Text und CSV, Office-Dokumente, E-Mails und ZIP, je bis 10 MiB."),
    ).toBeInTheDocument();
    const list = within(record).getByRole("list", { name: "Dateien" });
    const item = within(list).getAllByRole("listitem")[0]!;
    expect(within(item).getByRole("button", { name: "Rahmenvertrag.pdf herunterladen" })).toBeInTheDocument();
    expect(item).toHaveTextContent("PDF · 12,5 KB · Beim Kunden");
    expect(item).toHaveTextContent(/Ben Okafor, /);
    expect(item.textContent).toMatch(GERMAN_DATE_TIME);
    expect(within(record).getByRole("combobox", { name: "Ablegen bei" })).toHaveDisplayValue("Beim Kunden");
  });

  it("asks the profile in German: yes/no as Ja/Nein, who answered on a German date, the count saved", async () => {
    const admin = await crm.as(ADA);
    const set = await ok(
      admin.post("/api/profiling/sets", {
        name: "Maschinenpark",
        position: 0,
        questions: [
          { text: "Anzahl Drehmaschinen", kind: "NUMBER" },
          { text: "Zweischichtbetrieb?", kind: "YES_NO" },
        ],
      }),
      201,
      "Maschinenpark",
    );
    const ben = await crm.as(BEN);
    await ok(
      ben.request("PUT", `/api/customers/${crm.customers.fabrikam.id}/profiling/answers`, {
        answers: [{ questionId: set.questions[0].id, value: 7 }],
      }),
      200,
      "Ben's answer",
    );
    const { user, record } = await openRecord();
    await user.click(within(record).getByRole("tab", { name: tab("Profile", "Profil") }));
    const form = await within(record).findByRole("form", { name: "Profil" });

    const lathes = within(form).getByRole("spinbutton", { name: "Anzahl Drehmaschinen" });
    expect(lathes).toHaveAccessibleDescription(new RegExp(`^Beantwortet von Ben Okafor am ${GERMAN_DATE.source}$`));
    const shift = within(form).getByRole("radiogroup", { name: "Zweischichtbetrieb?" });
    expect(shift).toHaveAccessibleDescription("Noch nicht beantwortet.");
    await user.click(within(shift).getByLabelText("Ja"));
    expect(within(form).getByText("1 geändert")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Antworten speichern" }));
    expect(await within(form).findByText("1 Antwort gespeichert.")).toBeInTheDocument();
  });
});
