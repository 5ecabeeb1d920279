import type { Database } from "../../db/database";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import type { Ports } from "../../shared/ports/ports";
import { createEmailLogRepository } from "./email-log.repository";
import { emailLogRoutes } from "./email-log.routes";
import { createEmailLogService } from "./email-log.service";

/** Journey 2, the e-mail log, bodies sanitised by htmlCleaner: offers the record its count. */
export function emailLogModule(db: Database, ports: Pick<Ports, "customers" | "contacts">, htmlCleaner: HtmlCleaner) {
  const emailLog = createEmailLogRepository(db);
  const service = createEmailLogService({ emailLog, htmlCleaner, ...ports });
  const writer: EmailLogWriter = { log: (input, user, loggedBecause) => service.log(input, user, loggedBecause) };
  return {
    routes: emailLogRoutes(service),
    /** Log on send writes through this: the same service, so the same rules and one entry per message. */
    writer,
  };
}
