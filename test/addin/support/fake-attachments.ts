import { createHash } from "node:crypto";
import { http, HttpResponse } from "msw";
import {
  ATTACHMENT_MAX_BYTES,
  type Attachment,
  type Activity,
  type EmailLogEntry,
  type Me,
  type Note,
  attachmentRefusal,
  checkAttachmentContent,
  normalizeContentType,
  fileNameForType,
  sanitizeFileName,
} from "contract";

const error = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { code, message } }, { status });

/**
 * Files behind msw with the service's rules (the shared checks of contract/attachment-types.ts):
 * 400 empty or unnamed, 413 over 10 MiB, 415 for a type not allowed or bytes that are not it,
 * e-mail attachments kept once per name and content, delete by uploader or manager.
 */
export function createFakeAttachments(state: {
  api: string;
  me: Me;
  customers: { id: string }[];
  activities: Activity[];
  notes: Note[];
  emailLog: EmailLogEntry[];
}) {
  const files: (Attachment & { bytes: Uint8Array })[] = [];
  let counter = 0;
  const id = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, "0")}`;
  const metadata = ({ bytes: _bytes, ...attachment }: Attachment & { bytes: Uint8Array }): Attachment => attachment;

  /** The customer and "what it hangs on" for a parent, or null when there is none. */
  const ownerOf = (parent: string, parentId: string): { customerId: string; on: Attachment["on"] } | null => {
    if (parent === "customers") {
      const found = state.customers.find((row) => row.id === parentId);
      return found ? { customerId: found.id, on: { kind: "customer", id: found.id, label: "Customer" } } : null;
    }
    if (parent === "activities") {
      const found = state.activities.find((row) => row.id === parentId);
      return found?.customerId
        ? { customerId: found.customerId, on: { kind: "activity", id: found.id, label: found.subject } }
        : null;
    }
    if (parent === "notes") {
      const found = state.notes.find((row) => row.id === parentId);
      return found?.customerId
        ? { customerId: found.customerId, on: { kind: "note", id: found.id, label: found.bodyText } }
        : null;
    }
    const found = state.emailLog.find((row) => row.id === parentId);
    return found ? { customerId: found.customerId, on: { kind: "email", id: found.id, label: found.subject } } : null;
  };

  const upload = async (parent: string, parentId: string, request: Request) => {
    const owner = ownerOf(parent, parentId);
    if (!owner) return error(404, "not_found", `${parent} ${parentId} was not found`);
    const fileName = sanitizeFileName(new URL(request.url).searchParams.get("fileName") ?? "");
    if (!fileName) return error(400, "bad_request", "query.fileName: is required");
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength === 0) return error(400, "bad_request", `body: ${attachmentRefusal.empty(fileName)}`);
    if (bytes.byteLength > ATTACHMENT_MAX_BYTES)
      return error(413, "payload_too_large", attachmentRefusal.tooLarge(fileName));
    const declared = normalizeContentType(request.headers.get("content-type"));
    const check = checkAttachmentContent(declared, bytes);
    if (!check.ok)
      return error(
        415,
        "unsupported_media_type",
        check.reason === "not-allowed"
          ? attachmentRefusal.notAllowed(fileName, declared)
          : attachmentRefusal.mismatch(fileName, declared),
      );
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    // As the service does: stored under the accepted type's extension.
    const storedName = fileNameForType(fileName, check.contentType);
    if (parent === "email-log") {
      const kept = files.find((row) => row.on.id === parentId && row.fileName === storedName && row.sha256 === sha256);
      if (kept) return HttpResponse.json({ attachment: metadata(kept), created: false }, { status: 200 });
    }
    const row = {
      id: id(),
      customerId: owner.customerId,
      on: owner.on,
      fileName: storedName,
      contentType: check.contentType,
      size: bytes.byteLength,
      sha256,
      uploadedBy: { id: state.me.id, name: state.me.name, email: state.me.email },
      uploadedAt: new Date().toISOString(),
      bytes,
    };
    files.unshift(row);
    return parent === "email-log"
      ? HttpResponse.json({ attachment: metadata(row), created: true }, { status: 201 })
      : HttpResponse.json(metadata(row), { status: 201 });
  };

  const handlers = [
    ...["customers", "activities", "notes", "email-log"].flatMap((parent) => [
      http.get(`${state.api}/api/${parent}/:id/attachments`, ({ params }) => {
        const owner = ownerOf(parent, String(params.id));
        if (!owner) return error(404, "not_found", "not found");
        const items = files.filter((row) =>
          parent === "customers" ? row.customerId === owner.customerId : row.on.id === params.id,
        );
        return HttpResponse.json({ items: items.map(metadata) });
      }),
      http.post(`${state.api}/api/${parent}/:id/attachments`, ({ params, request }) =>
        upload(parent, String(params.id), request),
      ),
    ]),
    http.get(`${state.api}/api/attachments/:id/content`, ({ params }) => {
      const row = files.find((candidate) => candidate.id === params.id);
      if (!row) return error(404, "not_found", "not found");
      return new HttpResponse(row.bytes, {
        headers: { "content-type": row.contentType, "content-disposition": `attachment; filename="${row.fileName}"` },
      });
    }),
    http.delete(`${state.api}/api/attachments/:id`, ({ params }) => {
      const index = files.findIndex((candidate) => candidate.id === params.id);
      if (index < 0) return error(404, "not_found", "not found");
      if (files[index]!.uploadedBy.id !== state.me.id && state.me.role === "SALESMAN")
        return error(403, "forbidden", "Only its owner, a manager or an admin may change this file");
      files.splice(index, 1);
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    handlers,
    files,
    /** A file a colleague uploaded to a customer. */
    add(customerId: string, fileName: string, bytes: Uint8Array, uploadedBy: Attachment["uploadedBy"]) {
      files.unshift({
        id: id(),
        customerId,
        on: { kind: "customer", id: customerId, label: "Customer" },
        fileName,
        contentType: "application/pdf",
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        uploadedBy,
        uploadedAt: "2026-01-09T09:00:00.000Z",
        bytes,
      });
    },
  };
}
