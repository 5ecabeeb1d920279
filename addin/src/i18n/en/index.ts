import { app } from "./app";
import { common } from "./common";
import { salesDocuments } from "./sales-documents";

/** The English catalogs, one namespace per part of the pane; German (../de) has the same. */
export const en = { common, app, salesDocuments };
