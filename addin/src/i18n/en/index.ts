import { activities } from "./activities";
import { app } from "./app";
import { common } from "./common";
import { emailLog } from "./email-log";
import { participants } from "./participants";
import { record } from "./record";
import { sales } from "./sales";
import { search } from "./search";

/** The English catalogs, one namespace per part of the pane; German (../de) has the same. */
export const en = { common, app, participants, record, emailLog, search, sales, activities };
