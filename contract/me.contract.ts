import { z } from "zod";
import { Id, TimeZone } from "./common.contract";

import { ROLES } from "./roles";

export { ROLES };
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Me = z.object({ id: Id, name: z.string(), email: z.string(), role: Role, timeZone: z.string() });
export type Me = z.infer<typeof Me>;
export const MeUpdate = z.object({ timeZone: TimeZone });
export const UserList = z.object({ items: z.array(Me) });
