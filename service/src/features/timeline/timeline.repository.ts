import type { TimelineItem, TimelineKind, TimelinePage, TimelineQuery } from "contract";
import { TIMELINE_KINDS } from "contract";
import type { PrismaClient } from "../../generated/prisma/client";
import { USER_REF_SELECT } from "../../db/user-ref";

export interface TimelineRepository {
  page(customerId: string, query: TimelineQuery): Promise<TimelinePage>;
}

interface Range {
  gte?: Date;
  lte?: Date;
}
interface Source {
  count(customerId: string, range: Range): Promise<number>;
  /** The newest `take` items of this source in the range. */
  items(customerId: string, range: Range, take: number): Promise<TimelineItem[]>;
}

const by = { select: USER_REF_SELECT } as const;
const clip = (text: string, length = 200) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
const documentSummary = (row: { total: { toFixed(digits: number): string }; currency: string; status: string }) =>
  `${row.total.toFixed(2)} ${row.currency}, ${row.status.toLowerCase()}`;

/**
 * Each source is read newest first, only as deep as the page needs (offset + limit), and the pages
 * are merged here: six small indexed reads instead of one UNION over every table.
 */
export function createTimelineRepository(prisma: PrismaClient): TimelineRepository {
  const sources: Record<TimelineKind, Source> = {
    ACTIVITY: {
      count: (customerId, range) => prisma.activity.count({ where: { customerId, startsAt: range } }),
      items: async (customerId, range, take) =>
        (
          await prisma.activity.findMany({
            where: { customerId, startsAt: range },
            include: { owner: by },
            orderBy: [{ startsAt: "desc" }, { id: "asc" }],
            take,
          })
        ).map((row) => ({
          kind: "ACTIVITY",
          id: row.id,
          at: row.startsAt.toISOString(),
          title: `${row.type.toLowerCase()}: ${row.subject}`,
          summary: row.status.toLowerCase(),
          by: row.owner,
        })),
    },
    EMAIL: {
      count: (customerId, range) => prisma.emailLogEntry.count({ where: { customerId, sentAt: range } }),
      items: async (customerId, range, take) =>
        (
          await prisma.emailLogEntry.findMany({
            where: { customerId, sentAt: range },
            include: { loggedBy: by },
            orderBy: [{ sentAt: "desc" }, { id: "asc" }],
            take,
          })
        ).map((row) => ({
          kind: "EMAIL",
          id: row.id,
          at: row.sentAt.toISOString(),
          title: row.subject,
          // An entry the service logged on its own says why, here as in the e-mail log.
          summary:
            `from ${row.fromName ? `${row.fromName} <${row.fromEmail}>` : row.fromEmail}` +
            (row.loggedBecause ? ` · ${row.loggedBecause}` : ""),
          by: row.loggedBy,
        })),
    },
    NOTE: {
      count: (customerId, range) => prisma.note.count({ where: { customerId, createdAt: range } }),
      items: async (customerId, range, take) =>
        (
          await prisma.note.findMany({
            where: { customerId, createdAt: range },
            include: { author: by },
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            take,
          })
        ).map((row) => ({
          kind: "NOTE",
          id: row.id,
          at: row.createdAt.toISOString(),
          title: clip(row.bodyText, 80),
          summary: row.bodyText.length > 80 ? clip(row.bodyText) : null,
          by: row.author,
        })),
    },
    QUOTE: {
      count: (customerId, range) => prisma.quote.count({ where: { customerId, createdAt: range } }),
      items: async (customerId, range, take) =>
        (
          await prisma.quote.findMany({
            where: { customerId, createdAt: range },
            include: { createdBy: by },
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            take,
          })
        ).map((row) => ({
          kind: "QUOTE",
          id: row.id,
          at: row.createdAt.toISOString(),
          title: `Quote Q-${row.number}${row.title ? `: ${row.title}` : ""}`,
          summary: documentSummary(row),
          by: row.createdBy,
        })),
    },
    ORDER: {
      count: (customerId, range) => prisma.salesOrder.count({ where: { customerId, createdAt: range } }),
      items: async (customerId, range, take) =>
        (
          await prisma.salesOrder.findMany({
            where: { customerId, createdAt: range },
            include: { createdBy: by },
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
            take,
          })
        ).map((row) => ({
          kind: "ORDER",
          id: row.id,
          at: row.createdAt.toISOString(),
          title: `Order SO-${row.number}${row.title ? `: ${row.title}` : ""}`,
          summary: documentSummary(row),
          by: row.createdBy,
        })),
    },
    LIFECYCLE: {
      count: (customerId, range) => prisma.customerLifecycleChange.count({ where: { customerId, changedAt: range } }),
      items: async (customerId, range, take) =>
        (
          await prisma.customerLifecycleChange.findMany({
            where: { customerId, changedAt: range },
            include: { changedBy: by },
            orderBy: [{ changedAt: "desc" }, { id: "asc" }],
            take,
          })
        ).map((row) => ({
          kind: "LIFECYCLE",
          id: row.id,
          at: row.changedAt.toISOString(),
          title: `${row.transition.toLowerCase()}: ${row.fromState} → ${row.toState}`,
          summary: row.reason,
          by: row.changedBy,
        })),
    },
  };

  return {
    async page(customerId, query) {
      const kinds: readonly TimelineKind[] = query.kind.length > 0 ? [...new Set(query.kind)] : TIMELINE_KINDS;
      const range: Range = {
        ...(query.from && { gte: new Date(query.from) }),
        ...(query.to && { lte: new Date(query.to) }),
      };
      const depth = query.offset + query.limit;
      const [counts, lists] = await Promise.all([
        Promise.all(kinds.map((kind) => sources[kind].count(customerId, range))),
        Promise.all(kinds.map((kind) => sources[kind].items(customerId, range, depth))),
      ]);
      const items = lists
        .flat()
        .sort((a, b) => b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
        .slice(query.offset, depth);
      return {
        items,
        total: counts.reduce((sum, count) => sum + count, 0),
        limit: query.limit,
        offset: query.offset,
      };
    },
  };
}
