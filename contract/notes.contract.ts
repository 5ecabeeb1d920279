import { z } from "zod";
import { Id, IsoDateTime, Paging, SafeString, UserRef, VersionField, pageOf } from "./common.contract";

/** Rich text with links; the service sanitises it before it is stored. */
const NoteHtml = SafeString().trim().min(1).max(100_000);

export const NoteCreate = z
  .object({ customerId: Id.nullable().optional(), contactId: Id.nullable().optional(), bodyHtml: NoteHtml })
  .refine((value) => value.customerId || value.contactId, {
    message: "a note belongs to a customer or a contact",
    path: ["customerId"],
  });
export type NoteCreate = z.infer<typeof NoteCreate>;

export const NoteUpdate = z.object({ bodyHtml: NoteHtml }).extend(VersionField.shape);
export type NoteUpdate = z.infer<typeof NoteUpdate>;

export const Note = z.object({
  id: Id,
  customerId: Id.nullable(),
  contactId: Id.nullable(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  author: UserRef,
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type Note = z.infer<typeof Note>;

export const NoteListQuery = Paging.extend({ customerId: Id.optional(), contactId: Id.optional() });
export type NoteListQuery = z.infer<typeof NoteListQuery>;
export const NotePage = pageOf(Note);
