/** A calendar day (YYYY-MM-DD) as PostgreSQL DATE columns hold it through Prisma: midnight UTC. */
export const dateFromDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const dayFromDate = (date: Date): string => date.toISOString().slice(0, 10);
export const optionalDay = (day: string | null | undefined): Date | null | undefined =>
  day === undefined ? undefined : day === null ? null : dateFromDay(day);
