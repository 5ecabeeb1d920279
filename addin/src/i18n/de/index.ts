import type { Catalog } from "../catalog";
import type { en } from "../en";
import { activities } from "./activities";
import { app } from "./app";
import { common } from "./common";
import { emailLog } from "./email-log";
import { participants } from "./participants";
import { record } from "./record";
import { sales } from "./sales";
import { search } from "./search";

/** The German catalogs: the same namespaces and keys as the English ones (a type error otherwise). */
export const de: Catalog<typeof en> = { common, app, participants, record, emailLog, search, sales, activities };
