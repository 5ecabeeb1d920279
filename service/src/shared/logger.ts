import pino, { type DestinationStream, type Logger } from "pino";

export type { DestinationStream, Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The service's one logger: JSON lines (pino) on stdout unless a destination is given (tests
 * capture it). Errors go through safeError, and keys that could carry a token or a body are
 * censored wherever they appear, so a log line never holds SQL parameters, bodies or tokens.
 */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "crm" },
      serializers: { err: safeError, error: safeError },
      hooks: {
        // pino makes a lone error's message the line's msg: give it the safe message instead.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (!(first instanceof Error)) return method.apply(this, args);
          const message = typeof rest[0] === "string" ? rest[0] : safeError(first).message;
          return method.call(this, { err: first }, message);
        },
      },
      redact: {
        paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]),
        censor: "[redacted]",
      },
    },
    options.destination,
  );
}

// Belt and braces: nothing should log these keys at all; if something does, the values stay out.
const REDACTED_KEYS = ["authorization", "headers", "body", "token", "assertion", "password", "secret", "query"];

let fallback: Logger | undefined;
/** For code running without an injected logger (scripts, benchmarks): info and above on stdout. */
export function defaultLogger(): Logger {
  return (fallback ??= createLogger());
}

export interface SafeError {
  type: string;
  code?: string;
  message: string;
  stack?: string[];
}

// Classes whose messages are written by this code base or the runtime from program state, not from
// request data. Everything else (Prisma, pg, DriverAdapterError, body-parser's SyntaxError, jose,
// Graph) may quote SQL with its bound values, a body, a token or a claim: its message stays out.
const MESSAGE_SAFE = new Set(["AppError", "Error", "TypeError", "RangeError", "ReferenceError"]);
const SAFE_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * An error as it may be logged: its class, its code (Prisma's P2xxx, PostgreSQL's SQLSTATE, Node's
 * E...), a message only where the class is known not to quote data, and the stack's frames
 * without the message at its head (Prisma's messages span lines and print the query's arguments).
 */
export function safeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { type: error === null ? "null" : typeof error, message: "(not an Error)" };
  const database = isDatabaseError(error);
  // PGlite's bundle is minified: its errors' class is called "O" or "Z", which tells a reader nothing.
  const type = database ? "DatabaseError" : error.constructor?.name || error.name || "Error";
  const code = errorCode(error);
  const message = MESSAGE_SAFE.has(type) && !database ? error.message.slice(0, 500) : "(withheld)";
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  // Where it was thrown, then this code base's own frames (a database error's stack is mostly the driver's).
  const ours = frames.slice(3).filter((frame) => !/node_modules|\(node:|^at node:/.test(frame));
  const stack = [...frames.slice(0, 3), ...ours.slice(0, 12)];
  return { type, ...(code ? { code } : {}), message, ...(stack.length ? { stack } : {}) };
}

function errorCode(error: Error): string | undefined {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } };
  // DriverAdapterError carries PostgreSQL's SQLSTATE in its cause.
  const code = typeof withCode.code === "string" ? withCode.code : withCode.cause?.code;
  return typeof code === "string" && SAFE_CODE.test(code) ? code : undefined;
}

/** pg's DatabaseError and PGlite's errors are plain-looking: they carry a severity and a SQLSTATE. */
function isDatabaseError(error: Error): boolean {
  return "severity" in error || "query" in error || "detail" in error;
}
