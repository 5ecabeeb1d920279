import { z } from "zod";
import { Id, IsoDateTime, OptionalText, SearchTerm, Text, VersionField } from "./common.contract";

// ---- The item master: what quote and order lines sell. Everyone reads it; managers maintain it.

/** Our item code: letters, digits and . _ - / (no spaces), as lines and special prices carry it. */
export const ItemCode = Text(80).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
  message: "must be letters, digits and . _ - / without spaces",
});

export const ItemCreate = z.object({
  code: ItemCode,
  description: Text(255),
  unit: Text(20).default("pc"),
  active: z.boolean().default(true),
});
export type ItemCreate = z.infer<typeof ItemCreate>;
/** The code never changes: lines, special prices and cross-references keep it. */
export const ItemUpdate = VersionField.extend({
  description: Text(255).optional(),
  unit: Text(20).optional(),
  active: z.boolean().optional(),
});
export type ItemUpdate = z.infer<typeof ItemUpdate>;

export const Item = z.object({
  id: Id,
  code: z.string(),
  description: z.string(),
  unit: z.string(),
  active: z.boolean(),
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type Item = z.infer<typeof Item>;

/** q: part of the code or description; inactive items only when asked. At most 500, by code. */
export const ItemListQuery = z.object({
  q: SearchTerm,
  includeInactive: z.enum(["true", "false"]).optional(),
});
export const ItemList = z.object({ items: z.array(Item) });

// ---- Cross-references: a customer's own code and description for one of our items.

export const CrossReferenceCreate = z.object({
  /** As the customer writes it on their orders; unique per customer. */
  customerCode: Text(80),
  customerDescription: OptionalText(255),
  /** Our item code. */
  item: Text(80),
});
export type CrossReferenceCreate = z.infer<typeof CrossReferenceCreate>;
export const CrossReferenceUpdate = VersionField.extend({
  customerCode: Text(80).optional(),
  customerDescription: OptionalText(255),
  item: Text(80).optional(),
});
export type CrossReferenceUpdate = z.infer<typeof CrossReferenceUpdate>;

export const CrossReference = z.object({
  id: Id,
  customerId: Id,
  customerCode: z.string(),
  customerDescription: z.string().nullable(),
  /** Our item code and what our item master says of it. */
  item: z.string(),
  itemDescription: z.string(),
  itemActive: z.boolean(),
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type CrossReference = z.infer<typeof CrossReference>;
export const CrossReferenceList = z.object({ items: z.array(CrossReference) });
