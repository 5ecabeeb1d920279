import type { Note, NoteCreate, NoteListQuery, NoteUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { classifyDbError } from "../../db/db-errors";
import { badRequest, notFound } from "../../shared/app-error";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import { type Page, pageOf } from "../../shared/page";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { NotesRepository } from "./notes.repository";

export interface NotesService {
  /** On a customer, a contact, or both (then the contact must be the customer's or unassigned). */
  create(input: NoteCreate, user: CurrentUser): Promise<Note>;
  list(query: NoteListQuery): Promise<Page<Note>>;
  get(id: string): Promise<Note>;
  update(id: string, input: NoteUpdate, user: CurrentUser): Promise<Note>;
  /** The files on it go with it. */
  delete(id: string, user: CurrentUser): Promise<void>;
}

export function createNotesService(deps: {
  notes: NotesRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  htmlCleaner: HtmlCleaner;
}): NotesService {
  const { notes } = deps;

  /** Sanitised rich text; a note that is empty once cleaned is refused rather than stored blank. */
  async function cleanBody(bodyHtml: string) {
    const { html, text } = await deps.htmlCleaner.clean(bodyHtml, "body.bodyHtml");
    // An image counts only with a source; the sanitiser keeps cid: and inline raster sources alone.
    if (!text && !/<img\s[^>]*src=/i.test(html))
      throw badRequest("body.bodyHtml", "has no content once unsafe HTML is removed");
    return { bodyHtml: html, bodyText: text ?? "" };
  }

  const get = async (id: string) => (await notes.findById(id)) ?? Promise.reject(notFound("note", id));

  /** Authors change their own notes; managers and admins anyone's (notes:change). */
  async function changeable(id: string, user: CurrentUser) {
    const note = await get(id);
    requirePermission(user, "notes:change", { owner: note.author.id === user.id });
    return note;
  }

  return {
    async create(input, user) {
      let customerId = input.customerId ?? null;
      // A note on a contact alone hangs on the contact's customer.
      if (input.contactId) {
        if (customerId) await deps.customers.require(customerId, "body.customerId");
        const contactsCustomerId = await deps.contacts.requireFor(input.contactId, customerId);
        customerId ??= contactsCustomerId;
      }
      const cleaned = await cleanBody(input.bodyHtml);
      return notes
        .create({ customerId, contactId: input.contactId ?? null, ...cleaned }, user.id)
        .catch((error: unknown) => {
          // On a customer alone, the foreign key answers "does this customer exist?" without a query of its own.
          if (classifyDbError(error)?.kind === "foreign-key" && customerId && !input.contactId)
            throw notFound("customer", customerId, "body.customerId");
          throw error;
        });
    },

    list: async (query) => pageOf(await notes.list(query), query),

    get,

    async update(id, input, user) {
      await changeable(id, user);
      return notes.update(id, input.version, await cleanBody(input.bodyHtml));
    },

    async delete(id, user) {
      await changeable(id, user);
      if (!(await notes.delete(id))) throw notFound("note", id);
    },
  };
}
