import { createHash } from "node:crypto";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

/** The file as the raw body, its type as Content-Type, its name in the query: as the pane sends it. */
async function upload(client: ApiClient, path: string, fileName: string, bytes: Uint8Array, contentType: string) {
  const response = await fetch(`${client.baseUrl}${path}?fileName=${encodeURIComponent(fileName)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${client.token}`, "content-type": contentType },
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function download(client: ApiClient, id: string) {
  const response = await fetch(`${client.baseUrl}/api/attachments/${id}/content`, {
    headers: { authorization: `Bearer ${client.token}` },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe.each(testBackends())("attachments on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;
  let maria: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
    maria = await service.as("maria@contoso.com", "MANAGER");
  });
  afterAll(() => service.stop());

  const logEmail = async (customerId: string) => {
    const response = await alice.post("/api/email-log", {
      internetMessageId: `<${unique("msg")}@fabrikam.example>`,
      subject: "Signed offer",
      from: { email: "jonas@fabrikam.example", name: "Jonas Keller" },
      to: [{ email: "alice@contoso.com", name: "Alice" }],
      cc: [],
      sentAt: "2026-11-20T09:30:00+01:00",
      bodyHtml: "<p>Attached.</p>",
      customerId,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it("keeps a file on a customer and gives back the same bytes, as a sandboxed download", async () => {
    const customer = await createCustomer(alice);
    const name = "Angebot März/2026.pdf";
    const created = await upload(alice, `/api/customers/${customer.id}/attachments`, name, PDF, "application/pdf");
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      customerId: customer.id,
      on: { kind: "customer", id: customer.id },
      // The folder part is gone: only the name is kept.
      fileName: "2026.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      sha256: createHash("sha256").update(PDF).digest("hex"),
      uploadedBy: { email: "alice@contoso.com" },
    });

    const list = await ben.get(`/api/customers/${customer.id}/attachments`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);

    const file = await download(ben, created.body.id);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PDF)).toBe(true);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;.*filename\*=UTF-8''2026\.pdf/);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-security-policy")).toMatch(/sandbox/);
  });

  it("keeps a non-ASCII name and sends it as filename*", async () => {
    const customer = await createCustomer(alice);
    const created = await upload(
      alice,
      `/api/customers/${customer.id}/attachments`,
      "Preisliste Grüße.csv",
      Buffer.from("a;b\n1;2\n"),
      "text/csv; charset=utf-8",
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fileName: "Preisliste Grüße.csv", contentType: "text/csv" });
    const file = await download(alice, created.body.id);
    expect(file.headers.get("content-disposition")).toContain("filename*=UTF-8''Preisliste%20Gr%C3%BC%C3%9Fe.csv");
  });

  it("refuses a file over 10 MiB with 413 naming it, and keeps nothing", async () => {
    const customer = await createCustomer(alice);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const refused = await upload(alice, `/api/customers/${customer.id}/attachments`, "scan.txt", big, "text/plain");
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toContain("scan.txt");
    expect(refused.body.error.message).toContain("10 MiB");
    expect((await alice.get(`/api/customers/${customer.id}/attachments`)).body.items).toEqual([]);
    // Exactly at the limit is fine.
    const atLimit = Buffer.alloc(10 * 1024 * 1024, 0x41);
    expect(
      (await upload(alice, `/api/customers/${customer.id}/attachments`, "ok.txt", atLimit, "text/plain")).status,
    ).toBe(201);
  });

  it("refuses bytes that are not what the declared type says, and types outside the allow-list, with 415", async () => {
    const customer = await createCustomer(alice);
    const path = `/api/customers/${customer.id}/attachments`;
    const disguised = await upload(alice, path, "invoice.pdf", EXE, "application/pdf");
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.message).toContain("application/pdf");
    const exe = await upload(alice, path, "setup.exe", EXE, "application/x-msdownload");
    expect(exe.status).toBe(415);
    expect(exe.body.error.message).toContain("application/x-msdownload");
    const html = await upload(alice, path, "page.html", Buffer.from("<script>alert(1)</script>"), "text/html");
    expect(html.status).toBe(415);
    // Declared as JSON: neither parsed nor refused by the JSON parser, but by the allow-list.
    const json = await upload(alice, path, "data.json", Buffer.from("not json at all"), "application/json");
    expect(json.status).toBe(415);
    expect(json.body.error.message).toContain("application/json");
    expect((await alice.get(`/api/customers/${customer.id}/attachments`)).body.items).toEqual([]);
  });

  it("refuses an empty file or a name with nothing usable in it with 400", async () => {
    const customer = await createCustomer(alice);
    const path = `/api/customers/${customer.id}/attachments`;
    const empty = await upload(alice, path, "empty.pdf", new Uint8Array(), "application/pdf");
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain("empty.pdf");
    const noName = await upload(alice, path, "../", PDF, "application/pdf");
    expect(noName.status).toBe(400);
    expect(noName.body.error.details[0].field).toBe("query.fileName");
    const response = await fetch(`${alice.baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/pdf" },
      body: PDF,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details[0].field).toBe("query.fileName");
  });

  it("answers 404 for unknown customers, activities, notes, e-mails and files, and 401 without a token", async () => {
    for (const parent of ["customers", "activities", "notes", "email-log"]) {
      expect(
        (await upload(alice, `/api/${parent}/${UNKNOWN}/attachments`, "a.pdf", PDF, "application/pdf")).status,
      ).toBe(404);
      expect((await alice.get(`/api/${parent}/${UNKNOWN}/attachments`)).status).toBe(404);
    }
    expect((await download(alice, UNKNOWN)).status).toBe(404);
    expect((await alice.request("DELETE", `/api/attachments/${UNKNOWN}`)).status).toBe(404);
    const customer = await createCustomer(alice);
    const anonymous = await upload(
      service.anonymous(),
      `/api/customers/${customer.id}/attachments`,
      "a.pdf",
      PDF,
      "application/pdf",
    );
    expect(anonymous.status).toBe(401);
  });

  it("hangs files on activities and notes, lists them there and on the customer with what they hang on", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const activity = await alice.post("/api/activities", {
      type: "VISIT",
      subject: "Visit in Berlin",
      customerId: customer.id,
      startsAt: "2027-03-01T09:00:00+01:00",
      timeZone: "Europe/Berlin",
    });
    expect(activity.status).toBe(201);
    // A note on the contact only: its file still lands on the contact's customer.
    const note = await alice.post("/api/notes", {
      contactId: contact.id,
      bodyHtml: "<p>Measurements from the site</p>",
    });
    expect(note.status).toBe(201);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const onActivity = await upload(
      alice,
      `/api/activities/${activity.body.id}/attachments`,
      "site.png",
      png,
      "image/png",
    );
    expect(onActivity.status).toBe(201);
    const onNote = await upload(alice, `/api/notes/${note.body.id}/attachments`, "plan.pdf", PDF, "application/pdf");
    expect(onNote.status).toBe(201);
    expect(onNote.body).toMatchObject({
      customerId: customer.id,
      on: { kind: "note", label: "Measurements from the site" },
    });

    expect((await alice.get(`/api/activities/${activity.body.id}/attachments`)).body.items).toEqual([onActivity.body]);
    expect((await alice.get(`/api/notes/${note.body.id}/attachments`)).body.items).toEqual([onNote.body]);
    const all = (await alice.get(`/api/customers/${customer.id}/attachments`)).body.items;
    expect(
      all
        .map((item: { on: { kind: string; label: string } }) => item.on)
        .sort((a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      { kind: "activity", id: activity.body.id, label: "Visit in Berlin" },
      { kind: "note", id: note.body.id, label: "Measurements from the site" },
    ]);

    // Only its author (or a manager) deletes a note; deleting it takes its file along, the activity's stays.
    expect((await ben.request("DELETE", `/api/notes/${note.body.id}`)).status).toBe(403);
    expect((await download(alice, onNote.body.id)).status).toBe(200);
    expect((await alice.request("DELETE", `/api/notes/${note.body.id}`)).status).toBe(204);
    expect((await download(alice, onNote.body.id)).status).toBe(404);
    expect((await alice.get(`/api/customers/${customer.id}/attachments`)).body.items).toEqual([onActivity.body]);
  });

  it("lets only the uploader, a manager or an admin delete a file", async () => {
    const customer = await createCustomer(alice);
    const path = `/api/customers/${customer.id}/attachments`;
    const first = await upload(alice, path, "a.pdf", PDF, "application/pdf");
    const second = await upload(alice, path, "b.pdf", PDF, "application/pdf");
    const byColleague = await ben.request("DELETE", `/api/attachments/${first.body.id}`);
    expect(byColleague.status).toBe(403);
    expect((await download(alice, first.body.id)).status).toBe(200);
    expect((await alice.request("DELETE", `/api/attachments/${first.body.id}`)).status).toBe(204);
    expect((await maria.request("DELETE", `/api/attachments/${second.body.id}`)).status).toBe(204);
    expect((await alice.get(path)).body.items).toEqual([]);
  });

  it("keeps a logged e-mail's attachment once, however often and by whomever it is sent", async () => {
    const customer = await createCustomer(alice);
    const entryId = await logEmail(customer.id);
    const path = `/api/email-log/${entryId}/attachments`;
    const first = await upload(alice, path, "offer.pdf", PDF, "application/pdf");
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      attachment: { on: { kind: "email", id: entryId, label: "Signed offer" } },
    });
    const retry = await upload(alice, path, "offer.pdf", PDF, "application/pdf");
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ created: false, attachment: first.body.attachment });
    // Two colleagues at once: still one.
    const both = await Promise.all(
      [ben, maria].map((client) => upload(client, path, "offer.pdf", PDF, "application/pdf")),
    );
    expect(both.map((response) => response.body.attachment.id)).toEqual([
      first.body.attachment.id,
      first.body.attachment.id,
    ]);
    // Same name, other content: another file.
    const changed = Buffer.concat([PDF, Buffer.from("% v2\n")]);
    expect((await upload(alice, path, "offer.pdf", changed, "application/pdf")).status).toBe(201);

    expect((await alice.get(path)).body.items).toHaveLength(2);
    expect((await alice.get(`/api/customers/${customer.id}/attachments`)).body.items).toHaveLength(2);
    expect((await upload(alice, path, "x.pdf", EXE, "application/pdf")).status).toBe(415);
  });

  it("documents the routes in the OpenAPI document", async () => {
    const paths = (await alice.get("/api/openapi.json")).body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        "/api/customers/{id}/attachments",
        "/api/email-log/{entryId}/attachments",
        "/api/attachments/{id}/content",
      ]),
    );
  });
});
