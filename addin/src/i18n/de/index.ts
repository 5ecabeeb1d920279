import type { Catalog } from "../catalog";
import type { en } from "../en";
import { app } from "./app";
import { common } from "./common";
import { salesDocuments } from "./sales-documents";

/** The German catalogs: the same namespaces and keys as the English ones (a type error otherwise). */
export const de: Catalog<typeof en> = { common, app, salesDocuments };
