import { z } from "zod";
import { Id, IsoDateTime, SafeString, UserRef } from "./common.contract";

// ---- Files on a customer, its activities, notes and logged e-mails. The bytes travel as the raw
// request body (Content-Type = the file's type) and come back from /api/attachments/:id/content.

export const AttachmentUploadQuery = z.object({
  /** Sanitised by the service (no folders, no control characters, at most 200 characters). */
  fileName: SafeString().trim().min(1).max(1000),
});
export type AttachmentUploadQuery = z.infer<typeof AttachmentUploadQuery>;

export const AttachmentOwnerKind = z.enum(["customer", "activity", "note", "email"]);
export type AttachmentOwnerKind = z.infer<typeof AttachmentOwnerKind>;

export const Attachment = z.object({
  id: Id,
  customerId: Id,
  /** What the file hangs on: the customer itself, or one of its activities, notes or logged e-mails. */
  on: z.object({ kind: AttachmentOwnerKind, id: Id, label: z.string() }),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: UserRef,
  uploadedAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;
export const AttachmentList = z.object({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

/** A logged e-mail's attachment: 201 when kept now, 200 with the one kept before (retry, colleague). */
export const EmailAttachmentKept = z.object({ attachment: Attachment, created: z.boolean() });
export type EmailAttachmentKept = z.infer<typeof EmailAttachmentKept>;

export const EmailLogEntryParams = z.object({ entryId: Id });
