import { Prisma } from "../generated/prisma/client";

export type DbErrorKind =
  { kind: "unique"; fields: string[] } | { kind: "foreign-key" } | { kind: "not-found" } | { kind: "unavailable" };

/**
 * What a database error means, whichever adapter raised it: @prisma/adapter-pg maps PostgreSQL
 * errors to Prisma codes (P2002...), while pglite-prisma-adapter 0.6 passes SQLSTATE codes through.
 */
export function classifyDbError(error: unknown): DbErrorKind | null {
  if (isDatabaseUnreachable(error)) return { kind: "unavailable" };
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

// Prisma's codes for a server it cannot reach, a timeout, a closed connection, too many connections.
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
]);
// pg's own words when a connection ends or cannot be had in time.
const PG_CONNECTION_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /not queryable/];

/**
 * The database did not answer: the server is down, restarting, unreachable or out of connections.
 * SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down by an administrator, crashed,
 * starting up) and 53300 (too many connections) come from the server; the rest from the driver.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; errorCode?: unknown; message?: unknown; cause?: unknown };
    const code = typeof candidate.code === "string" ? candidate.code : undefined;
    if (code && (PRISMA_CONNECTION_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    if (code && (/^08/.test(code) || /^57P0[123]$/.test(code) || code === "53300")) return true;
    if (typeof candidate.errorCode === "string" && PRISMA_CONNECTION_CODES.has(candidate.errorCode)) return true;
    const kind = (candidate.cause as { kind?: unknown } | undefined)?.kind;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    if (
      typeof candidate.message === "string" &&
      PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(candidate.message as string))
    )
      return true;
    current = (candidate as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError ?? candidate.cause;
  }
  return false;
}
