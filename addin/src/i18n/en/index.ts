import { app } from "./app";
import { comments } from "./comments";
import { common } from "./common";
import { notes } from "./notes";
import { reports } from "./reports";
import { salesDocuments } from "./sales-documents";
import { timeline } from "./timeline";

/** The English catalogs, one namespace per part of the pane; German (../de) has the same. */
export const en = { common, app, salesDocuments, reports, timeline, comments, notes };
