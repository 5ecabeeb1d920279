import express, { type Request, type RequestHandler } from "express";
import { z } from "zod";
import {
  ALLOWED_ATTACHMENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  Attachment,
  AttachmentList,
  AttachmentUploadQuery,
  EmailAttachmentKept,
  EmailLogEntryParams,
  IdParams,
  fileNameForType,
  sanitizeFileName,
} from "contract";
import { Download, Reply, defineRoute } from "../../http/route";
import { type AttachmentParent, type AttachmentsService, type Upload, tooLarge } from "./attachments.service";

// Uploads are the file itself as the body (Content-Type = the file's type, name in ?fileName=):
// no base64 inflation, no multipart parser. These paths only; everything else stays JSON.
const UPLOAD_PATH = /^\/(?:customers|activities|notes|email-log)\/[^/]+\/attachments\/?$/;
const rawBody = express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES });

/**
 * Reads an upload's bytes before the JSON parser sees the request (mounted under /api right after
 * authentication), so a file declared as JSON is neither parsed nor refused by it, and an oversized
 * file gets a 413 that names it.
 */
export const attachmentUploadBody: RequestHandler = (request, response, next) => {
  if (request.method !== "POST" || !UPLOAD_PATH.test(request.path)) return next();
  rawBody(request, response, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === "entity.too.large")
      return next(tooLarge(sanitizeFileName(String(request.query.fileName ?? "")) || "The file"));
    next(error);
  });
};

const uploadOf = ({ query, request }: { query: AttachmentUploadQuery; request: Request }): Upload => ({
  fileName: query.fileName,
  declaredType: request.headers["content-type"],
  body: request.body,
});

const PARENTS: { parent: AttachmentParent; path: string; what: string }[] = [
  { parent: "customer", path: "/api/customers/:id/attachments", what: "the customer" },
  { parent: "activity", path: "/api/activities/:id/attachments", what: "an activity (on its customer's record)" },
  { parent: "note", path: "/api/notes/:id/attachments", what: "a note (on its customer's record)" },
];

const UPLOAD_RULES = `the body is the file, Content-Type its type (checked against its first bytes; 415 when it does not match or is not allowed), at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB (413)`;

export function attachmentsRoutes(service: AttachmentsService) {
  return [
    ...PARENTS.flatMap(({ parent, path, what }) => [
      defineRoute({
        method: "get",
        path,
        tag: "attachments",
        summary:
          parent === "customer"
            ? "Every file on the customer's record (its own, its activities', notes' and logged e-mails'), newest first; metadata only"
            : `The files on ${what.split(" (")[0]}, newest first; metadata only`,
        params: IdParams,
        response: AttachmentList,
        handler: async ({ params }) => ({ items: await service.list(parent, params.id) }),
      }),
      defineRoute({
        method: "post",
        path,
        tag: "attachments",
        summary: `Attach a file to ${what}: ${UPLOAD_RULES}`,
        authorization: "attachments:upload",
        params: IdParams,
        query: AttachmentUploadQuery,
        accepts: ALLOWED_ATTACHMENT_TYPES,
        response: Attachment,
        status: 201,
        handler: async (context) => service.upload(parent, context.params.id, uploadOf(context), context.user.id),
      }),
    ]),
    defineRoute({
      method: "get",
      path: "/api/email-log/:entryId/attachments",
      tag: "attachments",
      summary: "The attachments kept with a logged e-mail",
      params: EmailLogEntryParams,
      response: AttachmentList,
      handler: async ({ params }) => ({ items: await service.list("email", params.entryId) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/email-log/:entryId/attachments",
      tag: "attachments",
      summary: `Keep one of a logged e-mail's attachments: ${UPLOAD_RULES}. 201 the first time, 200 with the kept one when the same name and content come again`,
      authorization: "attachments:upload",
      params: EmailLogEntryParams,
      query: AttachmentUploadQuery,
      accepts: ALLOWED_ATTACHMENT_TYPES,
      response: EmailAttachmentKept,
      status: 201,
      alsoReplies: [200],
      handler: async (context) => {
        const kept = await service.keepEmailAttachment(context.params.entryId, uploadOf(context), context.user.id);
        return new Reply(kept.created ? 201 : 200, kept);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/attachments/:id/content",
      tag: "attachments",
      summary: "Download a file: always as an attachment, in a sandbox, never sniffed",
      params: IdParams,
      response: z.unknown(),
      produces: ALLOWED_ATTACHMENT_TYPES,
      handler: async ({ params }) => {
        const { attachment, bytes } = await service.content(params.id);
        // Files kept before names were checked this way are offered under a checked name too.
        const fileName = fileNameForType(sanitizeFileName(attachment.fileName), attachment.contentType);
        return new Download(attachment.contentType, fileName || "file", async (response) => {
          // Whatever was uploaded must not run on our origin: no sniffing, no scripts, no same origin.
          response.setHeader("X-Content-Type-Options", "nosniff");
          response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
          response.setHeader("Content-Length", String(bytes.byteLength));
          response.write(bytes);
        });
      },
    }),
    defineRoute({
      method: "delete",
      path: "/api/attachments/:id",
      tag: "attachments",
      summary: "Remove a file (its uploader, a manager or an admin)",
      authorization: "attachments:delete",
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params, user }) => {
        await service.delete(params.id, user);
        return undefined;
      },
    }),
  ];
}
