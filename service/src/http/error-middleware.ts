import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ErrorBody } from "contract";
import { classifyDbError } from "../db/db-errors";
import { AppError, type ErrorCode } from "../shared/app-error";
import { requestReadError } from "./request-body";
import { logOf } from "./request-log";
import { RETRY_AFTER_SECONDS } from "./health.routes";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  rate_limited: 429,
  idempotency_key_reused: 422,
  request_in_progress: 409,
  internal: 500,
};

export const notFoundRoute: RequestHandler = (request) => {
  throw new AppError("not_found", `No route ${request.method} ${request.path}`);
};

/** Maps every error to `{ error: { code, message, details } }` with the matching HTTP status. */
export const errorMiddleware: ErrorRequestHandler = (error, request, response, _next) => {
  const appError = toAppError(error, request.method);
  response.locals.errorCode = appError.code;
  // The error itself only through the logger's safeError: its class, code and stack, never its SQL or values.
  if (appError.code === "internal")
    logOf(response).error({ err: error, method: request.method, path: request.path }, "request failed");
  const requestId = response.locals.requestId as string | undefined;
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details ? { details: appError.details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
  // Busy for a moment (the database is away, the sanitising queue is full): a client may try again shortly.
  if (appError.code === "unavailable") response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  response.status(STATUS[appError.code]).json(body);
};

function toAppError(error: unknown, method: string): AppError {
  if (error instanceof AppError) return error;
  const dbError = classifyDbError(error);
  if (dbError?.kind === "unavailable") return databaseUnavailable(method);
  if (dbError?.kind === "unique")
    return new AppError(
      "conflict",
      `A record with this ${dbError.fields.join(", ") || "value"} already exists`,
      dbError.fields.map((field) => ({ field, message: "is already taken" })),
    );
  if (dbError?.kind === "not-found") return new AppError("not_found", "The record was not found");
  if (dbError?.kind === "foreign-key") return new AppError("bad_request", "A referenced record does not exist");
  const readError = requestReadError(error);
  if (readError) return readError;
  return new AppError("internal", "Something went wrong on our side");
}

/**
 * The database connection failed. A read changed nothing; for a write the service cannot know
 * whether the commit happened before the connection dropped, so it says so.
 */
function databaseUnavailable(method: string): AppError {
  if (["GET", "HEAD", "OPTIONS"].includes(method))
    return new AppError(
      "unavailable",
      "The database cannot be reached just now; nothing was changed. Try again shortly.",
    );
  return new AppError(
    "unavailable",
    "The database connection failed while this request was handled, so whether it was applied is unknown. " +
      "Retrying it with the same Idempotency-Key is safe (an update carrying its version is refused if it was applied).",
  );
}
