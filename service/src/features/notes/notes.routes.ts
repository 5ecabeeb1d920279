import { IdParams, Note, NoteCreate, NoteListQuery, NotePage, NoteUpdate } from "contract";
import { z } from "zod";
import { requirePermission } from "../../auth/permissions";
import { defineRoute } from "../../http/route";
import { badRequest, notFound } from "../../shared/app-error";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import type { ContactsRepository } from "../contacts/contacts.repository";
import type { CustomersRepository } from "../customers/customers.repository";
import type { NotesRepository } from "./notes.repository";

export function notesRoutes(
  notes: NotesRepository,
  customers: CustomersRepository,
  contacts: ContactsRepository,
  htmlCleaner: HtmlCleaner,
) {
  /** Sanitised rich text; a note that is empty once cleaned is refused rather than stored blank. */
  const cleanBody = async (bodyHtml: string) => {
    const { html, text } = await htmlCleaner.clean(bodyHtml, "body.bodyHtml");
    // An image counts only with a source; the sanitiser keeps cid: and inline raster sources alone.
    if (!text && !/<img\s[^>]*src=/i.test(html))
      throw badRequest("body.bodyHtml", "has no content once unsafe HTML is removed");
    return { bodyHtml: html, bodyText: text ?? "" };
  };
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
      handler: async ({ body, user }) => {
        if (body.customerId && !(await customers.exists(body.customerId)))
          throw notFound("customer", body.customerId, "body.customerId");
        let customerId = body.customerId ?? null;
        if (body.contactId) {
          const contact = await contacts.belongsTo(body.contactId);
          if (!contact) throw notFound("contact", body.contactId, "body.contactId");
          if (customerId && contact.customerId && contact.customerId !== customerId)
            throw badRequest("body.contactId", "this contact belongs to another customer");
          customerId ??= contact.customerId;
        }
        const cleaned = await cleanBody(body.bodyHtml);
        return notes.create({ customerId, contactId: body.contactId ?? null, ...cleaned }, user.id);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/notes",
      tag: "notes",
      summary: "Notes of a customer or contact, newest first",
      query: NoteListQuery,
      response: NotePage,
      handler: async ({ query }) => ({ ...(await notes.list(query)), limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: "get",
      path: "/api/notes/:id",
      tag: "notes",
      summary: "One note",
      params: IdParams,
      response: Note,
      handler: async ({ params }) => (await notes.findById(params.id)) ?? Promise.reject(notFound("note", params.id)),
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
      handler: async ({ params, body, user }) => {
        const note = await notes.findById(params.id);
        if (!note) throw notFound("note", params.id);
        requirePermission(user, "notes:change", { owner: note.author.id === user.id });
        return notes.update(params.id, body.version, await cleanBody(body.bodyHtml));
      },
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
        const note = await notes.findById(params.id);
        if (!note) throw notFound("note", params.id);
        requirePermission(user, "notes:change", { owner: note.author.id === user.id });
        if (!(await notes.delete(params.id))) throw notFound("note", params.id);
        return undefined;
      },
    }),
  ];
}
