import { z } from "zod";
import { Id, Text } from "./common.contract";

export const CustomerTypeCreate = z.object({ name: Text(80) });
export type CustomerTypeCreate = z.infer<typeof CustomerTypeCreate>;
export const CustomerType = z.object({ id: Id, name: z.string(), customerCount: z.number().int() });
export type CustomerType = z.infer<typeof CustomerType>;
export const CustomerTypeList = z.object({ items: z.array(CustomerType) });
