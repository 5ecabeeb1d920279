import { z } from "zod";
import {
  Email,
  Id,
  IsoDateTime,
  OptionalText,
  Paging,
  SearchTerm,
  Text,
  VersionField,
  pageOf,
} from "./common.contract";
import { StatusSummary } from "./customers.contract";

export const CustomerRef = z.object({ id: Id, name: z.string(), accountNumber: z.string(), status: StatusSummary });
export type CustomerRef = z.infer<typeof CustomerRef>;

// No defaults here: zod applies defaults inside .partial(), and an update must not reset what it omits.
const ContactFields = z.object({
  customerId: Id.nullable(),
  firstName: Text(100),
  lastName: Text(100),
  emails: z.array(Email).max(10),
  phone: OptionalText(50),
  role: OptionalText(100),
});

export const ContactCreate = ContactFields.extend({ emails: ContactFields.shape.emails.default([]) });
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactUpdate = ContactFields.partial().extend(VersionField.shape);
export type ContactUpdate = z.infer<typeof ContactUpdate>;

export const Contact = z.object({
  id: Id,
  customerId: Id.nullable(),
  customer: CustomerRef.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  emails: z.array(z.string()),
  phone: z.string().nullable(),
  role: z.string().nullable(),
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = Paging.extend({
  customerId: Id.optional(),
  unassigned: z.enum(["true"]).optional(),
  search: SearchTerm,
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
export const ContactPage = pageOf(Contact);
