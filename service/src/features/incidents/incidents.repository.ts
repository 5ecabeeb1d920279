import type { Incident, IncidentState } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { versionedRecords } from "../../db/versioned-records";
import { WITH_ACTIONS_INCLUDE, withActionsStamp } from "../actions/action-rows";

export interface IncidentWrite {
  contactId: string | null;
  subject: string;
  description: string | null;
  severity: Incident["severity"];
  state: IncidentState;
  ownerId: string;
}

/** Incidents on a customer, each with an owner, a version and its actions. */
export interface IncidentsRepository {
  create(customerId: string, data: IncidentWrite, userId: string): Promise<Incident>;
  /** Throws a conflict when `version` is not the current one. */
  update(id: string, version: number, data: Partial<IncidentWrite>): Promise<Incident>;
  findById(id: string): Promise<Incident | null>;
  /** The incident's customer, or null when there is no such incident. */
  customerOf(id: string): Promise<string | null>;
  /** Unresolved first (most severe, then oldest), then resolved and closed (latest first). */
  listForCustomer(customerId: string, limit: number): Promise<Incident[]>;
}

export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof WITH_ACTIONS_INCLUDE }>;

export function toIncident(row: IncidentRow): Incident {
  return {
    ...withActionsStamp(row),
    contactId: row.contactId,
    subject: row.subject,
    description: row.description,
    severity: row.severity,
    state: row.state,
  };
}

export const SETTLED: IncidentState[] = ["RESOLVED", "CLOSED"];
const SEVERITY_RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const;

/** Unresolved ones (oldest first) by severity, then settled ones (latest first), `limit` in all. */
export function unresolvedFirst<T extends { severity: Incident["severity"] }>(
  open: T[],
  settled: T[],
  limit: number,
): T[] {
  // Severity is an enum declared low to critical; rank it here rather than by its sort order.
  const bySeverity = [...open].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return [...bySeverity, ...settled].slice(0, limit);
}

export function createIncidentsRepository(prisma: PrismaClient): IncidentsRepository {
  const records = versionedRecords<
    IncidentRow,
    Incident,
    IncidentWrite & { customerId: string; createdById: string },
    Partial<IncidentWrite>,
    typeof WITH_ACTIONS_INCLUDE
  >(prisma, {
    what: "This incident",
    table: (client) => client.incident,
    include: WITH_ACTIONS_INCLUDE,
    toItem: toIncident,
  });
  return {
    create: (customerId, data, userId) => records.create({ ...data, customerId, createdById: userId }),
    update: (id, version, data) => records.update(id, version, data),
    findById: (id) => records.findById(id),
    async customerOf(id) {
      return (await prisma.incident.findUnique({ where: { id }, select: { customerId: true } }))?.customerId ?? null;
    },

    async listForCustomer(customerId, limit) {
      const [open, settled] = await Promise.all([
        prisma.incident.findMany({
          where: { customerId, state: { notIn: SETTLED } },
          include: WITH_ACTIONS_INCLUDE,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 500,
        }),
        prisma.incident.findMany({
          where: { customerId, state: { in: SETTLED } },
          include: WITH_ACTIONS_INCLUDE,
          orderBy: [{ modifiedAt: "desc" }, { id: "asc" }],
          take: limit,
        }),
      ]);
      return unresolvedFirst(open, settled, limit).map(toIncident);
    },
  };
}
