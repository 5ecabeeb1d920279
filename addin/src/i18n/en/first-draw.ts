import { common } from "./common";
import { app } from "./app";
import { participants } from "./participants";
import { record } from "./record";
import { emailLog } from "./email-log";
import { consent } from "./consent";
import { lifecycle } from "./lifecycle";

/**
 * The English namespaces the first draw of a record needs (the pane's frame, the email's people, the
 * record's header, pulse and main actions): in the pane's first download. The rest is en/later.ts.
 */
export const enFirstDraw = {
  common,
  app,
  participants,
  record,
  emailLog,
  consent,
  lifecycle,
};
