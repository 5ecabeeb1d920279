import type { Incident, IncidentState } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import {
  CUSTOMER_ITEM_INCLUDE,
  type CustomerItemsRepository,
  customerItemStamp,
  customerItemsRepository,
} from "../actions/customer-items.repository";

export interface IncidentWrite {
  contactId: string | null;
  subject: string;
  description: string | null;
  severity: Incident["severity"];
  state: IncidentState;
  ownerId: string;
}

/** listForCustomer: unresolved first (most severe, then oldest), then resolved and closed (latest first). */
export type IncidentsRepository = CustomerItemsRepository<Incident, IncidentWrite>;

type Row = Prisma.IncidentGetPayload<{ include: typeof CUSTOMER_ITEM_INCLUDE }>;

function toIncident(row: Row): Incident {
  return {
    ...customerItemStamp(row),
    contactId: row.contactId,
    subject: row.subject,
    description: row.description,
    severity: row.severity,
    state: row.state,
  };
}

const SETTLED: IncidentState[] = ["RESOLVED", "CLOSED"];
const SEVERITY_RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const;

export function createIncidentsRepository(prisma: PrismaClient): IncidentsRepository {
  return {
    ...customerItemsRepository<Row, Incident, IncidentWrite>(prisma, {
      what: "This incident",
      table: (client) => client.incident,
      toItem: toIncident,
    }),

    async listForCustomer(customerId, limit) {
      const [open, settled] = await Promise.all([
        prisma.incident.findMany({
          where: { customerId, state: { notIn: SETTLED } },
          include: CUSTOMER_ITEM_INCLUDE,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 500,
        }),
        prisma.incident.findMany({
          where: { customerId, state: { in: SETTLED } },
          include: CUSTOMER_ITEM_INCLUDE,
          orderBy: [{ modifiedAt: "desc" }, { id: "asc" }],
          take: limit,
        }),
      ]);
      // Severity is an enum declared low to critical; rank it here rather than by its sort order.
      const bySeverity = [...open].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      return [...bySeverity, ...settled].slice(0, limit).map(toIncident);
    },
  };
}
