import { ORDER_CONFIRMATION_PDF_BASE64 } from "../../demo/seed/demo-files";
import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// Files in the real pane against the real service and demo data: a logged message's PDF kept and
// found again under Files, and a file uploaded through the Files tab's input.
describeBrowser("attachments in a real browser", () => {
  const demo = useDemoBrowser();

  it("logs the demo message with its PDF kept, and the PDF is in Files byte for byte", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Kim Abercrombie", "Signed order confirmation");
    const record = pane(page).getByRole("article", { name: "Customer record Adventure Works Cycles" });
    await expectVisible(record);
    // The inline logo is part of the body: one attachment to keep, not two.
    const keep = pane(page).getByRole("checkbox", { name: "Keep attachments (1)" });
    await keep.check();
    await pane(page).getByRole("button", { name: "Log this email" }).click();
    await expectVisible(pane(page).getByText("Order confirmation 4711.pdf: kept in the CRM"));

    await record.getByRole("tab", { name: "Files" }).click();
    const files = record.getByRole("list", { name: "Files" });
    const download = files.getByRole("button", { name: "Download Order confirmation 4711.pdf" });
    await expectVisible(download);
    await expectVisible(files.getByText("On e-mail “Signed order confirmation”"));

    const [saved] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(saved.suggestedFilename()).toBe("Order confirmation 4711.pdf");
    const path = await saved.path();
    const bytes = (await import("node:fs")).readFileSync(path!);
    expect(bytes.equals(Buffer.from(ORDER_CONFIRMATION_PDF_BASE64, "base64"))).toBe(true);

    // The service holds it once, on the logged entry, as a PDF.
    const alice = await demo.stack.as("alice@contoso.com");
    const customer = (await alice.get("/api/customers?search=Adventure")).body.items[0];
    const kept = (await alice.get(`/api/customers/${customer.id}/attachments`)).body.items;
    expect(kept).toEqual([
      expect.objectContaining({
        fileName: "Order confirmation 4711.pdf",
        contentType: "application/pdf",
        on: expect.objectContaining({ kind: "email", label: "Signed order confirmation" }),
      }),
    ]);
    await page.close();
  });

  it("uploads a file through the Files tab's input and refuses a disguised executable with the service's message", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Lena Vogel", "Offer for the spring campaign");
    const record = pane(page).getByRole("article", { name: "Customer record Fabrikam, Inc." });
    await expectVisible(record);
    await record.getByRole("tab", { name: "Files" }).click();
    // The demo data's price list is there already.
    const files = record.getByRole("list", { name: "Files" });
    await expectVisible(files.getByRole("button", { name: "Download Price list 2026.csv" }));

    const input = record.getByLabel("Upload files");
    await input.setInputFiles({
      name: "Visit notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Visited the Berlin warehouse; racks need replacing.\n"),
    });
    await expectVisible(files.getByRole("button", { name: "Download Visit notes.txt" }));
    await expectVisible(record.getByRole("heading", { name: "Files (2)" }));

    await input.setInputFiles({
      name: "invoice.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
    });
    await expectVisible(record.getByRole("alert").getByText("invoice.pdf: the content is not application/pdf"));
    await expectVisible(record.getByRole("heading", { name: "Files (2)" }));
    await page.close();
  });
});
