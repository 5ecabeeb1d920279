import type { Note, NoteListQuery } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { USER_REF_SELECT } from "../users/users.repository";

export interface NotesRepository {
  create(
    data: { customerId: string | null; contactId: string | null; bodyHtml: string; bodyText: string },
    authorId: string,
  ): Promise<Note>;
  update(id: string, version: number, data: { bodyHtml: string; bodyText: string }): Promise<Note>;
  findById(id: string): Promise<Note | null>;
  list(query: NoteListQuery): Promise<{ items: Note[]; total: number }>;
  /** A customer's newest notes, without counting all (the record shows a section, not a page). */
  latestForCustomer(customerId: string, limit: number): Promise<Note[]>;
  /** False when there was nothing to delete. Its files go with it (cascade). */
  delete(id: string): Promise<boolean>;
}

const NOTE_INCLUDE = { author: { select: USER_REF_SELECT } } satisfies Prisma.NoteInclude;
type NoteRow = Prisma.NoteGetPayload<{ include: typeof NOTE_INCLUDE }>;

const toNote = (row: NoteRow): Note => ({
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
    async create(data, authorId) {
      return toNote(await prisma.note.create({ data: { ...data, authorId }, include: NOTE_INCLUDE }));
    },
    async update(id, version, data) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.note.updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This note");
        return toNote(await tx.note.findUniqueOrThrow({ where: { id }, include: NOTE_INCLUDE }));
      });
    },
    async findById(id) {
      const row = await prisma.note.findUnique({ where: { id }, include: NOTE_INCLUDE });
      return row ? toNote(row) : null;
    },
    async list(query) {
      const where: Prisma.NoteWhereInput = {
        ...(query.customerId && { customerId: query.customerId }),
        ...(query.contactId && { contactId: query.contactId }),
      };
      const [items, total] = await Promise.all([page(where, query.limit, query.offset), prisma.note.count({ where })]);
      return { items, total };
    },
    latestForCustomer: (customerId, limit) => page({ customerId }, limit, 0),
    async delete(id) {
      return (await prisma.note.deleteMany({ where: { id } })).count > 0;
    },
  };
}
