import type { Database } from "../../db/database";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import type { Ports } from "../../shared/ports/ports";
import { createEmailLogRepository } from "./email-log.repository";
import { emailLogRoutes } from "./email-log.routes";
import { createEmailLogService } from "./email-log.service";

/** Journey 2, the e-mail log, bodies sanitised by htmlCleaner: offers the record its count. */
export function emailLogModule(db: Database, ports: Pick<Ports, "customers" | "contacts">, htmlCleaner: HtmlCleaner) {
  const emailLog = createEmailLogRepository(db);
  return {
    routes: emailLogRoutes(createEmailLogService({ emailLog, htmlCleaner, ...ports })),
    forRecord: { countForCustomer: emailLog.countForCustomer },
  };
}
