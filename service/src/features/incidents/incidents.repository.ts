import type { Incident, IncidentState } from "../../../../contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { USER_REF_SELECT } from "../users/users.repository";
import { ACTION_INCLUDE, ACTION_ORDER, toAction } from "../actions/actions.repository";

export interface IncidentWrite {
  contactId: string | null;
  subject: string;
  description: string | null;
  severity: Incident["severity"];
  state: IncidentState;
  ownerId: string;
}

export interface IncidentsRepository {
  create(customerId: string, data: IncidentWrite, userId: string): Promise<Incident>;
  update(id: string, version: number, data: Partial<IncidentWrite>): Promise<Incident>;
  findById(id: string): Promise<Incident | null>;
  /** The incident's customer, or null when there is no such incident. */
  customerOf(id: string): Promise<string | null>;
  /** Unresolved first (most severe, then oldest), then resolved and closed (latest first). */
  listForCustomer(customerId: string, limit: number): Promise<Incident[]>;
}

const INCLUDE = {
  owner: { select: USER_REF_SELECT },
  createdBy: { select: USER_REF_SELECT },
  actions: { include: ACTION_INCLUDE, orderBy: ACTION_ORDER },
} satisfies Prisma.IncidentInclude;
type Row = Prisma.IncidentGetPayload<{ include: typeof INCLUDE }>;

function toIncident(row: Row): Incident {
  return {
    id: row.id,
    customerId: row.customerId,
    contactId: row.contactId,
    subject: row.subject,
    description: row.description,
    severity: row.severity,
    state: row.state,
    owner: row.owner,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
    actions: row.actions.map(toAction),
  };
}

const SETTLED: IncidentState[] = ["RESOLVED", "CLOSED"];
const SEVERITY_RANK = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const;

export function createIncidentsRepository(prisma: PrismaClient): IncidentsRepository {
  return {
    async create(customerId, data, userId) {
      const row = await prisma.incident.create({
        data: { ...data, customerId, createdById: userId },
        include: INCLUDE,
      });
      return toIncident(row);
    },

    async update(id, version, data) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.incident.updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This incident");
        return toIncident(await tx.incident.findUniqueOrThrow({ where: { id }, include: INCLUDE }));
      });
    },

    async findById(id) {
      const row = await prisma.incident.findUnique({ where: { id }, include: INCLUDE });
      return row ? toIncident(row) : null;
    },

    async customerOf(id) {
      return (await prisma.incident.findUnique({ where: { id }, select: { customerId: true } }))?.customerId ?? null;
    },

    async listForCustomer(customerId, limit) {
      const [open, settled] = await Promise.all([
        prisma.incident.findMany({
          where: { customerId, state: { notIn: SETTLED } },
          include: INCLUDE,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 500,
        }),
        prisma.incident.findMany({
          where: { customerId, state: { in: SETTLED } },
          include: INCLUDE,
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
