import type { Database } from "../../db/database";
import type { Ports } from "../../shared/ports/ports";
import { createReportsRepository } from "./reports.repository";
import { reportsRoutes } from "./reports.routes";
import { createReportsService } from "./reports.service";

/** Reports and exports (CSV, address labels); ownCountry: the country labels leave out. */
export function reportsModule(db: Database, ports: Pick<Ports, "customers">, ownCountry: string | undefined) {
  const reports = createReportsService(createReportsRepository(db), { customers: ports.customers, ownCountry });
  return { routes: reportsRoutes(reports) };
}
