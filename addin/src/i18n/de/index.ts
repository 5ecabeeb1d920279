import type { Catalog } from "../catalog";
import type { en } from "../en";
import { app } from "./app";
import { comments } from "./comments";
import { common } from "./common";
import { notes } from "./notes";
import { reports } from "./reports";
import { salesDocuments } from "./sales-documents";
import { timeline } from "./timeline";

/** The German catalogs: the same namespaces and keys as the English ones (a type error otherwise). */
export const de: Catalog<typeof en> = { common, app, salesDocuments, reports, timeline, comments, notes };
