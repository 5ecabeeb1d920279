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

/** One postal address of a contact ("Home office", another site); at least a city or a street. */
export const ContactAddress = z
  .object({
    label: OptionalText(80),
    street: OptionalText(200),
    postalCode: OptionalText(20),
    city: OptionalText(100),
    region: OptionalText(100),
    country: OptionalText(100),
  })
  .refine((address) => address.street || address.city, {
    message: "needs a street or a city",
    path: ["city"],
  });
export type ContactAddress = z.infer<typeof ContactAddress>;

// No defaults here: zod applies defaults inside .partial(), and an update must not reset what it omits.
const ContactFields = z.object({
  customerId: Id.nullable(),
  firstName: Text(100),
  lastName: Text(100),
  emails: z.array(Email).max(10),
  phone: OptionalText(50),
  role: OptionalText(100),
  /** The complete list, in order; an update replaces it. */
  addresses: z.array(ContactAddress).max(10),
  /** Marked as having left the company: kept with its history, shown apart, no longer suggested. */
  left: z.boolean(),
});

export const ContactCreate = ContactFields.extend({
  emails: ContactFields.shape.emails.default([]),
  addresses: ContactFields.shape.addresses.default([]),
  left: ContactFields.shape.left.default(false),
});
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
  addresses: z.array(
    z.object({
      label: z.string().nullable(),
      street: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      country: z.string().nullable(),
    }),
  ),
  /** When the contact was marked as having left; null while still there. */
  leftAt: IsoDateTime.nullable(),
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
