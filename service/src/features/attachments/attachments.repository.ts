import type { Attachment } from "contract";
import { classifyDbError } from "../../db/db-errors";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { USER_REF_SELECT } from "../../db/user-ref";

/** Where a new file goes: always a customer, optionally one of its activities, notes or logged e-mails. */
export interface AttachmentTarget {
  customerId: string;
  activityId?: string;
  noteId?: string;
  emailLogEntryId?: string;
}

export interface AttachmentWrite {
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Uint8Array;
}

/** The customer an activity, note or logged e-mail belongs to; null customerId when it has none. */
export type Owner = { customerId: string | null } | null;

export interface AttachmentsRepository {
  create(target: AttachmentTarget, file: AttachmentWrite, userId: string): Promise<Attachment>;
  /** Once per logged e-mail, name and content: the existing one when it was kept before. */
  createForEmailOnce(
    target: AttachmentTarget & { emailLogEntryId: string },
    file: AttachmentWrite,
    userId: string,
  ): Promise<{ attachment: Attachment; created: boolean }>;
  list(where: Partial<AttachmentTarget>): Promise<Attachment[]>;
  findById(id: string): Promise<Attachment | null>;
  /** Metadata and bytes, for a download. */
  content(id: string): Promise<{ attachment: Attachment; bytes: Uint8Array } | null>;
  delete(id: string): Promise<boolean>;
  activityOwner(activityId: string): Promise<Owner>;
  noteOwner(noteId: string): Promise<Owner>;
  emailLogEntryOwner(entryId: string): Promise<Owner>;
}

// Never the bytes: listing reads metadata only.
const INCLUDE = {
  uploadedBy: { select: USER_REF_SELECT },
  activity: { select: { subject: true } },
  note: { select: { bodyText: true } },
  emailLogEntry: { select: { subject: true } },
} satisfies Prisma.AttachmentInclude;
type Row = Prisma.AttachmentGetPayload<{ include: typeof INCLUDE }>;

const LABEL_MAX = 80;
const shorten = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

function ownerOf(row: Row): Attachment["on"] {
  if (row.emailLogEntryId)
    return { kind: "email", id: row.emailLogEntryId, label: shorten(row.emailLogEntry?.subject || "(no subject)") };
  if (row.noteId) return { kind: "note", id: row.noteId, label: shorten(row.note?.bodyText.trim() || "Note") };
  if (row.activityId) return { kind: "activity", id: row.activityId, label: shorten(row.activity?.subject ?? "") };
  return { kind: "customer", id: row.customerId, label: "Customer" };
}

const toAttachment = (row: Row): Attachment => ({
  id: row.id,
  customerId: row.customerId,
  on: ownerOf(row),
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  sha256: row.sha256,
  uploadedBy: row.uploadedBy,
  uploadedAt: row.uploadedAt.toISOString(),
});

export function createAttachmentsRepository(prisma: PrismaClient): AttachmentsRepository {
  const create: AttachmentsRepository["create"] = (target, file, userId) =>
    // Metadata and bytes in one transaction: a file is never listed without its content.
    prisma.$transaction(async (tx) => {
      const row = await tx.attachment.create({
        data: {
          customerId: target.customerId,
          activityId: target.activityId ?? null,
          noteId: target.noteId ?? null,
          emailLogEntryId: target.emailLogEntryId ?? null,
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.bytes.byteLength,
          sha256: file.sha256,
          uploadedById: userId,
        },
        include: INCLUDE,
      });
      // The bytes travel as base64 text and are decoded by the database: the PGlite adapter cannot
      // bind a Bytes parameter, and this reads the same on both backends.
      await tx.$executeRaw`INSERT INTO "AttachmentContent" ("attachmentId", "bytes") VALUES (${row.id}::uuid, decode(${Buffer.from(file.bytes).toString("base64")}, 'base64'))`;
      return toAttachment(row);
    });
  const findKept = (emailLogEntryId: string, fileName: string, sha256: string) =>
    prisma.attachment.findUnique({
      where: { emailLogEntryId_fileName_sha256: { emailLogEntryId, fileName, sha256 } },
      include: INCLUDE,
    });

  return {
    create,

    async createForEmailOnce(target, file, userId) {
      const existing = await findKept(target.emailLogEntryId, file.fileName, file.sha256);
      if (existing) return { attachment: toAttachment(existing), created: false };
      try {
        return { attachment: await create(target, file, userId), created: true };
      } catch (error) {
        // Two panes at once: the unique key lets one insert win; the other answers with its row.
        if (classifyDbError(error)?.kind !== "unique") throw error;
        const winner = await findKept(target.emailLogEntryId, file.fileName, file.sha256);
        if (!winner) throw error;
        return { attachment: toAttachment(winner), created: false };
      }
    },

    async list(where) {
      const rows = await prisma.attachment.findMany({
        where,
        include: INCLUDE,
        orderBy: [{ uploadedAt: "desc" }, { id: "asc" }],
      });
      return rows.map(toAttachment);
    },

    async findById(id) {
      const row = await prisma.attachment.findUnique({ where: { id }, include: INCLUDE });
      return row ? toAttachment(row) : null;
    },

    async content(id) {
      const row = await prisma.attachment.findUnique({ where: { id }, include: INCLUDE });
      if (!row) return null;
      const [content] = await prisma.$queryRaw<{ base64: string }[]>`
        SELECT encode("bytes", 'base64') AS "base64" FROM "AttachmentContent" WHERE "attachmentId" = ${id}::uuid`;
      if (!content) return null;
      return { attachment: toAttachment(row), bytes: new Uint8Array(Buffer.from(content.base64, "base64")) };
    },

    async delete(id) {
      return (await prisma.attachment.deleteMany({ where: { id } })).count > 0;
    },

    async activityOwner(activityId) {
      return prisma.activity.findUnique({ where: { id: activityId }, select: { customerId: true } });
    },

    async noteOwner(noteId) {
      const note = await prisma.note.findUnique({
        where: { id: noteId },
        select: { customerId: true, contact: { select: { customerId: true } } },
      });
      // A note on a contact hangs on the contact's customer.
      return note ? { customerId: note.customerId ?? note.contact?.customerId ?? null } : null;
    },

    async emailLogEntryOwner(entryId) {
      return prisma.emailLogEntry.findUnique({ where: { id: entryId }, select: { customerId: true } });
    },
  };
}
