import { Prisma } from "../generated/prisma/client";

export type DbErrorKind = { kind: "unique"; fields: string[] } | { kind: "foreign-key" } | { kind: "not-found" };

/**
 * What a database error means, whichever adapter raised it: @prisma/adapter-pg maps PostgreSQL
 * errors to Prisma codes (P2002...), while pglite-prisma-adapter 0.6 passes SQLSTATE codes through.
 */
export function classifyDbError(error: unknown): DbErrorKind | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return { kind: "unique", fields: prismaUniqueFields(error.meta) };
    if (error.code === "P2003") return { kind: "foreign-key" };
    if (error.code === "P2025") return { kind: "not-found" };
  }
  // Through the adapter (DriverAdapterError with a cause) or straight from pg / PGlite (Database.query).
  const withCause = error as { name?: string; cause?: { kind?: string; code?: string; detail?: string } };
  const postgresError =
    withCause.name === "DriverAdapterError" && withCause.cause?.kind === "postgres"
      ? withCause.cause
      : (error as { code?: unknown; detail?: string; severity?: unknown });
  if (typeof postgresError?.code !== "string" || !("severity" in postgresError)) return null;
  if (postgresError.code === "23505") return { kind: "unique", fields: fieldsFromDetail(postgresError.detail) };
  if (postgresError.code === "23503") return { kind: "foreign-key" };
  return null;
}

function prismaUniqueFields(meta: Record<string, unknown> | undefined): string[] {
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  const adapterError = meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined;
  return adapterError?.cause?.constraint?.fields?.map((field) => field.replace(/"/g, "")) ?? [];
}

/** PostgreSQL's detail reads: Key ("accountNumber")=(10001) already exists. */
function fieldsFromDetail(detail: string | undefined): string[] {
  const match = /^Key \(([^)]*)\)=/.exec(detail ?? "");
  return match ? match[1]!.split(",").map((field) => field.trim().replace(/"/g, "")) : [];
}
