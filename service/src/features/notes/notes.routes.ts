import { IdParams, Note, NoteCreate, NoteListQuery, NotePage, NoteUpdate } from "contract";
import { z } from "zod";
import { defineRoute } from "../../http/route";
import type { NotesService } from "./notes.service";

export function notesRoutes(notes: NotesService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/notes",
      tag: "notes",
      summary: "Add a note (sanitised rich text with links) to a customer or contact",
      authorization: "notes:create",
      body: NoteCreate,
      response: Note,
      status: 201,
      handler: async ({ body, user }) => notes.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/notes",
      tag: "notes",
      summary: "Notes of a customer or contact, newest first",
      query: NoteListQuery,
      response: NotePage,
      handler: async ({ query }) => notes.list(query),
    }),
    defineRoute({
      method: "get",
      path: "/api/notes/:id",
      tag: "notes",
      summary: "One note",
      params: IdParams,
      response: Note,
      handler: async ({ params }) => notes.get(params.id),
    }),
    defineRoute({
      method: "patch",
      path: "/api/notes/:id",
      tag: "notes",
      summary: "Edit a note (its author, a manager or an admin)",
      authorization: "notes:change",
      params: IdParams,
      body: NoteUpdate,
      response: Note,
      handler: async ({ params, body, user }) => notes.update(params.id, body, user),
    }),
    defineRoute({
      method: "delete",
      path: "/api/notes/:id",
      tag: "notes",
      summary: "Delete a note and the files on it (its author, a manager or an admin)",
      authorization: "notes:change",
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params, user }) => {
        await notes.delete(params.id, user);
        return undefined;
      },
    }),
  ];
}
