import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ErrorBody } from "../../../contract";
import { classifyDbError } from "../db/db-errors";
import { AppError, type ErrorCode } from "../shared/app-error";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  request_in_progress: 409,
  internal: 500,
};

export const notFoundRoute: RequestHandler = (request) => {
  throw new AppError("not_found", `No route ${request.method} ${request.path}`);
};

/** Maps every error to `{ error: { code, message, details } }` with the matching HTTP status. */
export const errorMiddleware: ErrorRequestHandler = (error, request, response, _next) => {
  const appError = toAppError(error);
  if (appError.code === "internal") console.error(`${request.method} ${request.path} failed`, error);
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details ? { details: appError.details } : {}),
    },
  };
  response.status(STATUS[appError.code]).json(body);
};

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const dbError = classifyDbError(error);
  if (dbError?.kind === "unique")
    return new AppError(
      "conflict",
      `A record with this ${dbError.fields.join(", ") || "value"} already exists`,
      dbError.fields.map((field) => ({ field, message: "is already taken" })),
    );
  if (dbError?.kind === "not-found") return new AppError("not_found", "The record was not found");
  if (dbError?.kind === "foreign-key") return new AppError("bad_request", "A referenced record does not exist");
  // body-parser errors carry a status and a type.
  const parserError = error as { type?: string; status?: number };
  if (parserError.type === "entity.parse.failed") return new AppError("bad_request", "The body is not valid JSON");
  if (parserError.type === "entity.too.large") return new AppError("payload_too_large", "The body is too large");
  return new AppError("internal", "Something went wrong on our side; the request was not applied");
}
