import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../service/src/config";
import type { ApiClient } from "../support/api-client";
import { createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const HTML_PAGE = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>\n");
const OUTLOOK = [
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook.live.com",
  "https://outlook.cloud.microsoft",
];

async function upload(client: ApiClient, pathname: string, fileName: string, bytes: Uint8Array, type: string) {
  const response = await fetch(`${client.baseUrl}${pathname}?fileName=${encodeURIComponent(fileName)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${client.token}`, "content-type": type },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: await response.json() };
}

const download = (client: ApiClient, id: string) =>
  fetch(`${client.baseUrl}/api/attachments/${id}/content`, { headers: { authorization: `Bearer ${client.token}` } });

describe.each(testBackends())("stored file names on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
  });
  afterAll(() => service.stop());

  it("carry the extension of the type they were accepted as", async () => {
    const customer = await createCustomer(alice);
    const files = `/api/customers/${customer.id}/attachments`;
    const page = await upload(alice, files, "invoice.html", HTML_PAGE, "text/plain");
    expect(page.status).toBe(201);
    expect(page.body).toMatchObject({ fileName: "invoice.txt", contentType: "text/plain" });
    const setup = await upload(alice, files, "setup.exe", PDF, "application/pdf");
    expect(setup.body).toMatchObject({ fileName: "setup.pdf", contentType: "application/pdf" });
    const kept = await upload(alice, files, "Angebot 2026.PDF", PDF, "application/pdf");
    expect(kept.body.fileName).toBe("Angebot 2026.PDF");

    // What a browser or mail client saves is what was checked: text, not a page that runs.
    const saved = await download(alice, page.body.id);
    expect(saved.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(saved.headers.get("content-disposition")).toMatch(/filename="invoice\.txt"/);
    const listed = (await alice.get(files)).body.items.map((file: { fileName: string }) => file.fileName);
    expect(listed.sort()).toEqual(["Angebot 2026.PDF", "invoice.txt", "setup.pdf"]);
  });

  it("lose direction controls, which make a name read as something it is not", async () => {
    const customer = await createCustomer(alice);
    // Shown as "invoiceexe.pdf" by any list that honours U+202E (right-to-left override).
    const spoofed = await upload(
      alice,
      `/api/customers/${customer.id}/attachments`,
      "invoice\u202Efdp.exe",
      PDF,
      "application/pdf",
    );
    expect(spoofed.status).toBe(201);
    expect(spoofed.body.fileName).toBe("invoicefdp.pdf");
    const isolates = await upload(
      alice,
      `/api/customers/${customer.id}/attachments`,
      "\u2067Preis\u2069liste\u200F\u061C.csv",
      Buffer.from("item;price\nPUMP-200;99\n"),
      "text/csv",
    );
    expect(isolates.body.fileName).toBe("Preisliste.csv");
    const saved = await download(alice, spoofed.body.id);
    expect(decodeURIComponent(saved.headers.get("content-disposition")!)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it("are kept once per logged e-mail under the renamed name, however often they are sent", async () => {
    const customer = await createCustomer(alice);
    const entry = await alice.post("/api/email-log", {
      internetMessageId: `<${unique("msg")}@fabrikam.example>`,
      subject: "Your setup",
      from: { email: "jonas@fabrikam.example", name: "Jonas Keller" },
      to: [{ email: "alice@contoso.com", name: "Alice" }],
      cc: [],
      sentAt: "2026-11-20T09:30:00+01:00",
      bodyHtml: "<p>Attached.</p>",
      customerId: customer.id,
    });
    const path = `/api/email-log/${entry.body.id}/attachments`;
    const first = await upload(alice, path, "setup.exe", PDF, "application/pdf");
    const again = await upload(alice, path, "setup.exe", PDF, "application/pdf");
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.attachment).toMatchObject({ id: first.body.attachment.id, fileName: "setup.pdf" });
  });
});

describe("security headers", () => {
  let service: TestService;
  let alice: ApiClient;
  let addinDir: string;
  beforeAll(async () => {
    // A stand-in build: the headers do not depend on what the pages say (the browser suite loads the real one).
    addinDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-addin-"));
    fs.writeFileSync(path.join(addinDir, "taskpane.html"), "<!doctype html><title>CRM</title>");
    fs.writeFileSync(path.join(addinDir, "taskpane.1234abcd.js"), "console.log(1);\n");
    fs.writeFileSync(path.join(addinDir, "taskpane.1234abcd.js.map"), '{"version":3,"sources":["secret.ts"]}');
    fs.mkdirSync(path.join(addinDir, "assets"));
    fs.writeFileSync(path.join(addinDir, "assets", "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    service = await startTestService("pglite", { ADDIN_DIR: addinDir });
    alice = await service.as("alice@contoso.com");
  });
  afterAll(async () => {
    await service.stop();
    fs.rmSync(addinDir, { recursive: true, force: true });
  });

  it("on the API: nothing may load, run or frame its answers, errors included", async () => {
    for (const response of [
      await fetch(`${service.url}/api/health`),
      await fetch(`${service.url}/api/me`, { headers: { authorization: `Bearer ${alice.token}` } }),
      await fetch(`${service.url}/api/customers`),
      await fetch(`${service.url}/api/no-such-route`, { headers: { authorization: `Bearer ${alice.token}` } }),
    ]) {
      const headers = response.headers;
      expect(headers.get("content-security-policy")).toBe(
        "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
      );
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(headers.get("referrer-policy")).toBe("no-referrer");
      expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expect(headers.get("x-powered-by")).toBeNull();
    }
  });

  it("keep a download's own sandbox policy, not the API's", async () => {
    const customer = await createCustomer(alice);
    const stored = await upload(
      alice,
      `/api/customers/${customer.id}/attachments`,
      "offer.pdf",
      PDF,
      "application/pdf",
    );
    const response = await download(alice, stored.body.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("on the pane: Outlook on the web may frame it, and nothing in them stops its sign-in or icons", async () => {
    for (const file of ["taskpane.html", "taskpane.1234abcd.js", "assets/icon-32.png"]) {
      const response = await fetch(`${service.url}/addin/${file}`);
      expect(response.status).toBe(200);
      const policy = response.headers.get("content-security-policy")!;
      expect(policy).toBe(`frame-ancestors 'self' ${OUTLOOK.join(" ")};object-src 'none';base-uri 'self'`);
      // X-Frame-Options knows no list of hosts: SAMEORIGIN would keep the pane out of Outlook on the web.
      expect(response.headers.get("x-frame-options")).toBeNull();
      expect(response.headers.get("cross-origin-opener-policy")).toBeNull();
      expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    }
  });

  it("serve no source map, whatever the folder holds", async () => {
    for (const file of ["taskpane.1234abcd.js.map", "taskpane.1234abcd.js.MAP", "./taskpane.1234abcd.js.map"]) {
      const response = await fetch(`${service.url}/addin/${file}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("secret.ts");
    }
  });

  it("take other Outlook hosts from PANE_FRAME_ANCESTORS, and refuse what is not an https origin", () => {
    expect(
      loadConfig({ PANE_FRAME_ANCESTORS: "https://mail.contoso.com, https://*.contoso.de" }).paneFrameAncestors,
    ).toEqual(["https://mail.contoso.com", "https://*.contoso.de"]);
    for (const value of ["http://mail.contoso.com", "https://a.example; script-src *", "*", "'unsafe-inline'"])
      expect(() => loadConfig({ PANE_FRAME_ANCESTORS: value })).toThrow(/PANE_FRAME_ANCESTORS/);
  });
});
