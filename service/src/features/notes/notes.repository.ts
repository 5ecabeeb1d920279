import type { Note, NoteListQuery } from "contract";
import { USER_REF_SELECT } from "../../db/user-ref";
import { versionedRecords } from "../../db/versioned-records";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";

/** A note as stored: on a customer, a contact or both, its HTML sanitised and its text extracted. */
export interface NoteWrite {
  customerId: string | null;
  contactId: string | null;
  bodyHtml: string;
  bodyText: string;
}

export interface NotesRepository {
  create(data: NoteWrite, authorId: string): Promise<Note>;
  update(id: string, version: number, data: { bodyHtml: string; bodyText: string }): Promise<Note>;
  findById(id: string): Promise<Note | null>;
  list(query: NoteListQuery): Promise<{ items: Note[]; total: number }>;
  /** A customer's newest notes, without counting all (the record shows a section, not a page). */
  latestForCustomer(customerId: string, limit: number): Promise<Note[]>;
  /** False when there was nothing to delete. Its files go with it (cascade). */
  delete(id: string): Promise<boolean>;
}

const NOTE_INCLUDE = { author: { select: USER_REF_SELECT } } satisfies Prisma.NoteInclude;
export type NoteRow = Prisma.NoteGetPayload<{ include: typeof NOTE_INCLUDE }>;

export const toNote = (row: NoteRow): Note => ({
  id: row.id,
  customerId: row.customerId,
  contactId: row.contactId,
  bodyHtml: row.bodyHtml,
  bodyText: row.bodyText,
  author: row.author,
  createdAt: row.createdAt.toISOString(),
  modifiedAt: row.modifiedAt.toISOString(),
  version: row.version,
});

export function createNotesRepository(prisma: PrismaClient): NotesRepository {
  const records = versionedRecords<
    NoteRow,
    Note,
    NoteWrite & { authorId: string },
    Pick<NoteWrite, "bodyHtml" | "bodyText">,
    typeof NOTE_INCLUDE
  >(prisma, { what: "This note", table: (client) => client.note, include: NOTE_INCLUDE, toItem: toNote });
  const page = async (where: Prisma.NoteWhereInput, limit: number, offset: number) =>
    (
      await prisma.note.findMany({
        where,
        include: NOTE_INCLUDE,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: limit,
        skip: offset,
      })
    ).map(toNote);

  return {
    create: (data, authorId) => records.create({ ...data, authorId }),
    update: (id, version, data) => records.update(id, version, data),
    findById: (id) => records.findById(id),
    async list(query) {
      const where: Prisma.NoteWhereInput = {
        ...(query.customerId && { customerId: query.customerId }),
        ...(query.contactId && { contactId: query.contactId }),
      };
      const [items, total] = await Promise.all([page(where, query.limit, query.offset), prisma.note.count({ where })]);
      return { items, total };
    },
    latestForCustomer: (customerId, limit) => page({ customerId }, limit, 0),
    delete: (id) => records.delete(id),
  };
}
