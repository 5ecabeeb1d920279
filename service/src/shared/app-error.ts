import type { ErrorBody } from "contract";

export type ErrorCode = ErrorBody["error"]["code"];
export type ErrorDetail = { field: string; message: string };

/** The one application error type. The error middleware maps its code to an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string, id: string, field?: string) =>
  new AppError(
    "not_found",
    `${what} ${id} was not found`,
    field ? [{ field, message: `no ${what} with this id` }] : undefined,
  );

export const badRequest = (field: string, message: string) =>
  new AppError("bad_request", `${field}: ${message}`, [{ field, message }]);

export const staleVersion = (what: string) =>
  new AppError(
    "conflict",
    `${what} was changed by someone else since you loaded it; reload and apply your change again`,
    [{ field: "version", message: "is not the current version" }],
  );

export const forbidden = (message: string) => new AppError("forbidden", message);
