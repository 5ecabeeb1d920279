import type { Locator, Page } from "playwright-core";
import { describeBrowser, expectVisible, pane, useDemoBrowser } from "./support/demo-browser";

// Details (third parties, consent), the consent warning and the timeline in the built pane,
// against the real service with the demo data.
describeBrowser("details, consent and timeline in a real browser", () => {
  const demo = useDemoBrowser();

  /** The record of the sender of the first message from `sender`, on the given tab. */
  async function recordFor(sender: string, customer: string, tab: string): Promise<[Page, Locator]> {
    const page = await demo.openDemoHost();
    await page
      .getByRole("navigation", { name: "Inbox" })
      .getByRole("button", { name: new RegExp(`^${sender} `) })
      .first()
      .click();
    const record = pane(page).getByRole("article", { name: `Customer record ${customer}` });
    await record.getByRole("tab", { name: tab }).click();
    return [page, record];
  }

  it("adds a ship-to address, and the service stores it", async () => {
    const [page, record] = await recordFor("Lena Vogel", "Fabrikam, Inc.", "Details");
    const section = record.getByRole("region", { name: "Ship-to addresses" });
    await section.getByRole("button", { name: "Add ship-to address" }).click();
    const form = section.getByRole("form", { name: "New ship-to address" });
    await form.getByRole("textbox", { name: /^Name/ }).fill("Site Leipzig");
    await form.getByRole("textbox", { name: /^Street/ }).fill("Messeallee 2");
    await form.getByRole("textbox", { name: /^Postal code/ }).fill("04356");
    await form.getByRole("textbox", { name: /^City/ }).fill("Leipzig");
    await form.getByRole("textbox", { name: /^Country/ }).fill("Germany");
    await form.getByRole("button", { name: "Save address" }).click();
    await expectVisible(section.getByText("Messeallee 2, 04356 Leipzig, Germany"));

    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam, Inc.")).body.items[0];
    const stored = (await alice.get(`/api/customers/${fabrikam.id}/ship-to`)).body.items;
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Site Leipzig", street: "Messeallee 2", postalCode: "04356", city: "Leipzig" }),
      ]),
    );
    await page.close();
  });

  it("adds a third party, naming the missing role first; the demo's own details are there", async () => {
    const [page, record] = await recordFor("Lena Vogel", "Fabrikam, Inc.", "Details");
    const parties = record.getByRole("region", { name: "Third parties" });
    await expectVisible(parties.getByText("Steuerkanzlei Weber & Partner · Tax adviser"));
    await expectVisible(record.getByRole("region", { name: "Ship-to addresses" }).getByText("Warehouse Hamburg"));
    await expectVisible(
      record.getByRole("list", { name: "Current consent of Tim Brandt" }).getByText("Withdrawn", { exact: true }),
    );

    await parties.getByRole("button", { name: "Add third party" }).click();
    const form = parties.getByRole("form", { name: "New third party" });
    await form.getByRole("textbox", { name: /^Name/ }).fill("Leasing Nord GmbH");
    await form.getByRole("button", { name: "Save third party" }).click();
    const role = form.getByRole("textbox", { name: /^Role/ });
    await expectVisible(form.getByText("Required"));
    expect(await role.getAttribute("aria-invalid")).toBe("true");

    await role.fill("Leasing company");
    await form.getByRole("button", { name: "Save third party" }).click();
    await expectVisible(parties.getByText("Leasing Nord GmbH · Leasing company"));
    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam, Inc.")).body.items[0];
    const stored = await alice.get(`/api/customers/${fabrikam.id}/third-parties`);
    expect(stored.body.items.map((party: { name: string; role: string }) => `${party.name}: ${party.role}`)).toEqual(
      expect.arrayContaining(["Leasing Nord GmbH: Leasing company", "Steuerkanzlei Weber & Partner: Tax adviser"]),
    );
    await page.close();
  });

  it("after a contact withdraws e-mail consent, logging their e-mail warns first", async () => {
    const [page, record] = await recordFor("Camille Laurent", "Proseware, Inc.", "Details");
    const camille = record.getByRole("listitem", { name: "Consent of Camille Laurent" });
    await camille.getByRole("button", { name: "Record consent for Camille Laurent" }).click();
    const form = camille.getByRole("form", { name: "Record consent for Camille Laurent" });
    await form.getByRole("combobox", { name: /Channel/ }).selectOption({ label: "E-mail" });
    await form.getByRole("radio", { name: "Withdrawn" }).check();
    await form.getByRole("textbox", { name: /Source/ }).fill("Phone call");
    await form.getByRole("button", { name: "Save consent" }).click();
    await expectVisible(
      camille.getByRole("list", { name: "Current consent of Camille Laurent" }).getByText(/Withdrawn/),
    );
    await expectVisible(record.getByLabel("Consent").getByText("No e-mail marketing"));

    await record.getByRole("tab", { name: "Overview" }).click();
    await record.getByRole("button", { name: "Log this email" }).click();
    const warning = record.getByRole("alert").filter({ hasText: "Consent withdrawn" });
    await expectVisible(warning.getByText(/Camille Laurent withdrew consent for e-mail \(Phone call/));
    await warning.getByRole("button", { name: "Continue anyway" }).click();
    await expectVisible(record.getByRole("status").getByText("✓ Logged"));

    const alice = await demo.stack.as("alice@contoso.com");
    const proseware = (await alice.get("/api/customers?search=Proseware")).body.items[0];
    const lookup = await alice.get("/api/lookup?email=camille.laurent@proseware.com");
    expect(lookup.body.matches[0].contacts[0].withdrawnConsent).toEqual(["EMAIL"]);
    expect((await alice.get(`/api/customers/${proseware.id}/email-log`)).body.total).toBe(2);
    await page.close();
  });

  it("shows the samples handed over and the payment agreements; a salesman records a payment but is not offered Approve", async () => {
    const [page, record] = await recordFor("Lena Vogel", "Fabrikam, Inc.", "Details");
    const samples = record.getByRole("region", { name: "Samples handed over" });
    await expectVisible(samples.getByText("5 × Filter cartridge F7"));
    await expectVisible(samples.getByText(/FILTER-F7 · batch F7-26-1187 · Jonas Keller/));
    const payments = record.getByRole("region", { name: "Payment agreements" });
    await expectVisible(payments.getByText("Awaiting approval"));
    // The demo host signs in as Alice, a salesman: approving is a manager's call (the service refuses it too).
    expect(await payments.getByRole("button", { name: "Approve" }).count()).toBe(0);
    await expectVisible(payments.getByText(/€3,600.00 of €4,800.00 remaining/));

    await payments.getByRole("button", { name: "Record payment" }).click();
    const form = payments.getByRole("form", { name: /^Payment against Year-end rebate/ });
    await form.getByRole("textbox", { name: /^Amount/ }).fill("100");
    await form.getByRole("button", { name: "Save payment" }).click();
    await expectVisible(payments.getByText(/€3,500.00 of €4,800.00 remaining/));
    const alice = await demo.stack.as("alice@contoso.com");
    const fabrikam = (await alice.get("/api/customers?search=Fabrikam, Inc.")).body.items[0];
    const stored = (await alice.get(`/api/customers/${fabrikam.id}/payment-agreements`)).body.items;
    expect(stored.find((agreement: { status: string }) => agreement.status === "APPROVED")).toMatchObject({
      remaining: "3500.00",
    });

    await record.getByRole("tab", { name: "Timeline" }).click();
    const pathway = record.getByRole("region", { name: "Adoption pathway" });
    await expectVisible(pathway.getByRole("img", { name: /1 call with an outcome/ }));
    await page.close();
  });

  it("filters the timeline by kind and period and shows the lifecycle history", async () => {
    const [page, record] = await recordFor("Lena Vogel", "Fabrikam, Inc.", "Timeline");
    const entries = record.getByRole("list", { name: "Timeline entries" });
    await expectVisible(entries.getByText("Quarterly business review"));
    await expectVisible(record.getByRole("region", { name: "Lifecycle history" }));

    await record.getByRole("checkbox", { name: "E-mail" }).check();
    // Every entry shown is an e-mail ("N of N"): the demo's tracked conversation may add one while the suite runs.
    const allShown = record.getByText(/^(\d+) of \1$/);
    await expectVisible(allShown);
    await expectVisible(entries.getByText("Re: Offer for Fabrikam, Inc."));
    expect(await entries.getByText("Quarterly business review").count()).toBe(0);

    await record.getByLabel("From").fill("2099-01-01");
    await expectVisible(record.getByText("No entries."));
    await record.getByLabel("From").fill("");
    await expectVisible(allShown);
    await page.close();
  });
});
