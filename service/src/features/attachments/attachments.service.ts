import { createHash } from "node:crypto";
import {
  ATTACHMENT_MAX_BYTES,
  attachmentRefusal,
  type Attachment,
  checkAttachmentContent,
  fileNameForType,
  normalizeContentType,
  sanitizeFileName,
} from "contract";
import { requirePermission } from "../../auth/permissions";
import type { CurrentUser } from "../../auth/current-user";
import { AppError, badRequest, notFound } from "../../shared/app-error";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { AttachmentTarget, AttachmentWrite, AttachmentsRepository, Owner } from "./attachments.repository";

/** An upload as it arrived: the raw body, the declared Content-Type and the name from the query. */
export interface Upload {
  fileName: string;
  declaredType: string | undefined;
  body: unknown;
}

export type AttachmentParent = "customer" | "activity" | "note" | "email";

export interface AttachmentsService {
  upload(parent: AttachmentParent, parentId: string, upload: Upload, userId: string): Promise<Attachment>;
  keepEmailAttachment(
    entryId: string,
    upload: Upload,
    userId: string,
  ): Promise<{ attachment: Attachment; created: boolean }>;
  list(parent: AttachmentParent, parentId: string): Promise<Attachment[]>;
  content(id: string): Promise<{ attachment: Attachment; bytes: Uint8Array }>;
  delete(id: string, user: CurrentUser): Promise<void>;
}

export const tooLarge = (fileName: string) => new AppError("payload_too_large", attachmentRefusal.tooLarge(fileName));

/**
 * Checks an upload before anything is stored: a usable name, not empty, within the size limit,
 * an allowed type that the first bytes confirm. 415 names the declared type. The name it answers
 * carries that type's extension.
 */
export function checkUpload(upload: Upload): AttachmentWrite {
  const fileName = sanitizeFileName(upload.fileName);
  if (!fileName)
    throw badRequest("query.fileName", "has no usable characters once folders and control characters are removed");
  const bytes = upload.body instanceof Uint8Array ? upload.body : new Uint8Array();
  if (bytes.byteLength === 0) throw badRequest("body", attachmentRefusal.empty(fileName));
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) throw tooLarge(fileName);
  const declared = normalizeContentType(upload.declaredType);
  const check = checkAttachmentContent(declared, bytes);
  if (!check.ok) {
    const message =
      check.reason === "not-allowed"
        ? attachmentRefusal.notAllowed(fileName, declared)
        : attachmentRefusal.mismatch(fileName, declared);
    throw new AppError("unsupported_media_type", message);
  }
  return {
    // Stored under the accepted type's extension: invoice.html accepted as text is invoice.txt.
    fileName: fileNameForType(fileName, check.contentType),
    contentType: check.contentType,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

export function createAttachmentsService(
  attachments: AttachmentsRepository,
  customers: CustomerAccess,
): AttachmentsService {
  const owned = (what: string, id: string, owner: Owner): string => {
    if (!owner) throw notFound(what, id);
    if (!owner.customerId)
      throw new AppError("conflict", `This ${what} belongs to no customer; files are kept on a customer's record`);
    return owner.customerId;
  };

  /** The customer a file on this parent hangs on, and the parent's own column. */
  async function targetOf(parent: AttachmentParent, id: string): Promise<AttachmentTarget> {
    switch (parent) {
      case "customer":
        await customers.require(id);
        return { customerId: id };
      case "activity":
        return { customerId: owned("activity", id, await attachments.activityOwner(id)), activityId: id };
      case "note":
        return { customerId: owned("note", id, await attachments.noteOwner(id)), noteId: id };
      case "email":
        return {
          customerId: owned("logged e-mail", id, await attachments.emailLogEntryOwner(id)),
          emailLogEntryId: id,
        };
    }
  }

  return {
    async upload(parent, parentId, upload, userId) {
      const target = await targetOf(parent, parentId);
      return attachments.create(target, checkUpload(upload), userId);
    },

    async keepEmailAttachment(entryId, upload, userId) {
      const target = await targetOf("email", entryId);
      return attachments.createForEmailOnce({ ...target, emailLogEntryId: entryId }, checkUpload(upload), userId);
    },

    async list(parent, parentId) {
      const target = await targetOf(parent, parentId);
      // A customer's list holds everything on its record; an activity's, note's or e-mail's only its own.
      const { customerId, ...own } = target;
      return attachments.list(parent === "customer" ? { customerId } : own);
    },

    async content(id) {
      return (await attachments.content(id)) ?? Promise.reject(notFound("attachment", id));
    },

    async delete(id, user) {
      const attachment = await attachments.findById(id);
      if (!attachment) throw notFound("attachment", id);
      requirePermission(user, "attachments:delete", { owner: attachment.uploadedBy.id === user.id });
      if (!(await attachments.delete(id))) throw notFound("attachment", id);
    },
  };
}
