import { z } from "zod";
import { Email, Id, IsoDate, IsoDateTime, OptionalText, Text, UserRef, VersionField } from "./common.contract";

// ---- Third parties on a customer: name and role are mandatory, contract details optional.

// No defaults here: zod applies defaults inside .partial(), and an update must not reset what it omits.
const ThirdPartyFields = z.object({
  name: Text(200),
  /** e.g. tax adviser, leasing company, installer. */
  role: Text(100),
  email: Email.nullable().optional(),
  phone: OptionalText(50),
  contractNumber: OptionalText(100),
  contractStart: IsoDate.nullable().optional(),
  contractEnd: IsoDate.nullable().optional(),
  notes: OptionalText(5000),
});
const endNotBeforeStart = (value: { contractStart?: string | null; contractEnd?: string | null }) =>
  !value.contractStart || !value.contractEnd || value.contractEnd >= value.contractStart;
const endIssue = { message: "must not be before contractStart", path: ["contractEnd"] };

export const ThirdPartyCreate = ThirdPartyFields.refine(endNotBeforeStart, endIssue);
export type ThirdPartyCreate = z.infer<typeof ThirdPartyCreate>;
export const ThirdPartyUpdate = ThirdPartyFields.partial()
  .extend(VersionField.shape)
  .refine(endNotBeforeStart, endIssue);
export type ThirdPartyUpdate = z.infer<typeof ThirdPartyUpdate>;

export const ThirdParty = z.object({
  id: Id,
  customerId: Id,
  name: z.string(),
  role: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  contractNumber: z.string().nullable(),
  contractStart: IsoDate.nullable(),
  contractEnd: IsoDate.nullable(),
  notes: z.string().nullable(),
  createdBy: UserRef,
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type ThirdParty = z.infer<typeof ThirdParty>;
export const ThirdPartyList = z.object({ items: z.array(ThirdParty) });

// ---- Ship-to addresses: where goods go, besides the main address.

export const ShipToCreate = z.object({
  /** e.g. "Warehouse Hamburg". */
  name: OptionalText(200),
  street: Text(200),
  postalCode: Text(20),
  city: Text(100),
  region: OptionalText(100),
  country: Text(100),
});
export type ShipToCreate = z.infer<typeof ShipToCreate>;
/** Only the fields given change (last write wins: ship-to addresses carry no version). */
export const ShipToUpdate = ShipToCreate.partial();
export type ShipToUpdate = z.infer<typeof ShipToUpdate>;
export const ShipTo = z.object({
  id: Id,
  customerId: Id,
  name: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
});
export type ShipTo = z.infer<typeof ShipTo>;
export const ShipToList = z.object({ items: z.array(ShipTo) });
