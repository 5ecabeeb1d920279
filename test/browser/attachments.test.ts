import type { BrowserContext, Locator, Page } from "playwright-core";
import { ORDER_CONFIRMATION_PDF_BASE64 } from "../../prisma/seed/demo-files";
import { browserAvailable, launchChromium } from "./support/browser";
import { startDemoStack } from "./support/demo-stack";

// Files in the real pane against the real service and demo data: a logged message's PDF kept and
// found again under Files, and a file uploaded through the Files tab's input.
const describeBrowser = browserAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

describeBrowser("attachments in a real browser", () => {
  let stack: Awaited<ReturnType<typeof startDemoStack>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;

  beforeAll(async () => {
    // Both started at once; whichever started is stopped again in afterAll even if the other failed.
    const [started, launched] = await Promise.allSettled([startDemoStack(), launchChromium()]);
    if (started.status === "fulfilled") stack = started.value;
    if (launched.status === "fulfilled") browser = launched.value;
    if (started.status === "rejected") throw started.reason;
    if (launched.status === "rejected") throw launched.reason;
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openDemoHost(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(stack.demoHost);
    return page;
  }
  const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
  const open = (page: Page, sender: string, subject: string) =>
    page
      .getByRole("navigation", { name: "Inbox" })
      .getByRole("button", { name: `${sender} ${subject}` })
      .click();

  it("logs the demo message with its PDF kept, and the PDF is in Files byte for byte", async () => {
    const page = await openDemoHost();
    await open(page, "Kim Abercrombie", "Signed order confirmation");
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
    const alice = await stack.as("alice@contoso.com");
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
    const page = await openDemoHost();
    await open(page, "Lena Vogel", "Offer for the spring campaign");
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

async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: "visible", timeout: 15_000 });
}
