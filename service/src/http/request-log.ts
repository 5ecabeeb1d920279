import { randomUUID } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { type Logger, defaultLogger } from "../shared/logger";

// What a proxy or a client may send as its own request id: UUIDs, hex, ULIDs, dotted trace ids.
// Anything else (too long, spaces, control characters) is replaced rather than logged.
const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when well-formed, else a new UUID), echoes it
 * in the response's X-Request-Id, and hands a child logger carrying it to later handlers.
 * With `logRequests`, one line per request: method, path (never the query string, which holds
 * search terms and addresses), the matched route, status, duration, the caller's user id and, for
 * a failure, the error code. Never headers or bodies.
 */
export function requestLog(logger: Logger, logRequests: boolean): RequestHandler {
  return (request, response, next) => {
    const incoming = request.headers["x-request-id"];
    const requestId = typeof incoming === "string" && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
    response.locals.requestId = requestId;
    // The child logger is made by logOf when something logs: most requests never do.
    response.locals.requestLogger = logger;
    response.setHeader("X-Request-Id", requestId);
    if (!logRequests) return next();
    const log = logOf(response);

    const started = process.hrtime.bigint();
    const method = request.method;
    const path = request.path.slice(0, 300);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const errorCode = response.locals.errorCode as string | undefined;
      log.info(
        {
          method,
          path,
          ...(response.locals.route ? { route: response.locals.route as string } : {}),
          status: response.writableFinished ? response.statusCode : null,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          ...(response.locals.user ? { userId: (response.locals.user as { id: string }).id } : {}),
          ...(errorCode ? { errorCode } : {}),
        },
        response.writableFinished ? `${method} ${path} ${response.statusCode}` : `${method} ${path} aborted`,
      );
    };
    response.on("finish", done);
    response.on("close", done);
    next();
  };
}

/** The request's logger (with its id), or the fallback outside a request. */
export function logOf(response: Response): Logger {
  const locals = response.locals as { log?: Logger; requestLogger?: Logger; requestId?: string };
  if (locals.log) return locals.log;
  if (!locals.requestLogger) return defaultLogger();
  return (locals.log = locals.requestLogger.child({ reqId: locals.requestId }));
}
