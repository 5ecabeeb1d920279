import { randomUUID } from "node:crypto";
import type { Note, NoteListQuery } from "contract";
import type { Database } from "../../db/database";
import { groupCommit } from "../../db/group-commit";
import { USER_REF_SELECT } from "../../db/user-ref";
import { versionedRecords } from "../../db/versioned-records";
import type { Prisma } from "../../generated/prisma/client";

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

// Notes are written in one statement that also reads their authors back: through Prisma, create
// with include is a transaction of three statements, and on PGlite a transaction holds the only
// connection while everyone else waits. Notes that arrive while one is written go in the next
// statement together (group commit: one commit, one fsync). The foreign keys answer whether the
// customer, the contact and the author exist.
const INSERT_NOTES = `
  WITH note AS (
    INSERT INTO "Note" (id, "customerId", "contactId", "bodyHtml", "bodyText", "authorId")
    SELECT id, "customerId", "contactId", "bodyHtml", "bodyText", "authorId"
    FROM jsonb_to_recordset($1::jsonb)
      AS n(id uuid, "customerId" uuid, "contactId" uuid, "bodyHtml" text, "bodyText" text, "authorId" uuid)
    RETURNING id, "createdAt", "modifiedAt", version, "authorId")
  SELECT note.id, note."createdAt", note."modifiedAt", note.version, author.name, author.email
  FROM note JOIN "User" author ON author.id = note."authorId"`;

/** Bounds one statement: bodies are up to 2 MB each. */
const MAX_BATCH = 16;

type PendingNote = NoteWrite & { id: string; authorId: string };

interface InsertedNote {
  id: string;
  createdAt: Date | string;
  modifiedAt: Date | string;
  version: number;
  name: string;
  email: string;
}

export function createNotesRepository(db: Database): NotesRepository {
  const prisma = db.prisma;
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

  const insertNotes = groupCommit(async (notes: PendingNote[]): Promise<Note[]> => {
    const rows = new Map(
      (await db.query<InsertedNote>(INSERT_NOTES, [JSON.stringify(notes)])).map((row) => [row.id, row]),
    );
    return notes.map(({ id, authorId, ...data }) => {
      const row = rows.get(id);
      if (!row) throw new Error("a note's author vanished while it was written");
      return toNote({
        ...data,
        id,
        authorId,
        author: { id: authorId, name: row.name, email: row.email },
        createdAt: new Date(row.createdAt),
        modifiedAt: new Date(row.modifiedAt),
        version: row.version,
      });
    });
  }, MAX_BATCH);

  return {
    create: (data, authorId) => insertNotes({ ...data, id: randomUUID(), authorId }),
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
