import type { Request, RequestHandler } from "express";
import { AppError } from "../shared/app-error";

// The body parsers (body-parser 2 over Node's zlib) decode these. zstd depends on the Node version,
// so it is refused everywhere to give the same answer on every machine.
const DECODED_ENCODINGS = new Set(["identity", "gzip", "deflate", "br"]);
const ENCODINGS_SENTENCE = "send the body uncompressed, or compressed with gzip, deflate or br";

/**
 * A request has a body when it is chunked or says it is longer than nothing. (type-is also counts
 * Content-Length: 0, which fetch sends for a POST without a body: that is a missing body, a 400.)
 */
export const hasBody = (request: Request) =>
  request.headers["transfer-encoding"] !== undefined || Number(request.headers["content-length"]) > 0;

/** 415 for a Content-Encoding the parsers cannot decode, before anything reads the body. */
export const contentEncodingGuard: RequestHandler = (request, _response, next) => {
  const encoding = (request.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (!hasBody(request) || DECODED_ENCODINGS.has(encoding)) return next();
  next(
    new AppError("unsupported_media_type", `This Content-Encoding is not supported: ${ENCODINGS_SENTENCE}`, [
      { field: "header.content-encoding", message: `is not supported; ${ENCODINGS_SENTENCE}` },
    ]),
  );
};

/** A JSON route's body must be declared JSON: anything else would reach the route as no body at all. */
export function requireJsonBody(request: Request): void {
  if (hasBody(request) && !request.is("application/json"))
    throw new AppError("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json", [
      { field: "header.content-type", message: "must be application/json" },
    ]);
}

/** A path whose percent-encoding does not decode (a lone surrogate, a cut-off sequence). */
export const pathNotUtf8 = () =>
  new AppError("bad_request", "The path is not valid percent-encoded UTF-8", [
    { field: "path", message: "is not valid percent-encoded UTF-8" },
  ]);

/**
 * What a failure to read the request means to the caller (body-parser's errors and the router's
 * percent-decoding), or null when the error is something else. Messages never quote the body.
 */
export function requestReadError(error: unknown): AppError | null {
  if (error instanceof URIError && (error as { status?: number }).status === 400) return pathNotUtf8();
  const parserError = error as { type?: string; status?: number; limit?: number; expose?: boolean };
  switch (parserError.type) {
    case "entity.parse.failed":
      return new AppError("bad_request", "The body is not valid JSON (an object or an array)", [
        { field: "body", message: "is not valid JSON" },
      ]);
    case "entity.too.large":
      return new AppError(
        "payload_too_large",
        `The body is too large${parserError.limit ? ` (at most ${Math.floor(parserError.limit / 1024 / 1024)} MB)` : ""}`,
        [{ field: "body", message: "is too large" }],
      );
    case "charset.unsupported":
      return new AppError("unsupported_media_type", "The body's charset is not supported: send JSON as UTF-8", [
        { field: "header.content-type", message: "charset must be utf-8" },
      ]);
    case "encoding.unsupported":
      return new AppError("unsupported_media_type", `This Content-Encoding is not supported: ${ENCODINGS_SENTENCE}`, [
        { field: "header.content-encoding", message: `is not supported; ${ENCODINGS_SENTENCE}` },
      ]);
    case "request.aborted":
      return new AppError("bad_request", "The request ended before its body was complete");
    case "request.size.invalid":
      return new AppError("bad_request", "The body's length does not match its Content-Length", [
        { field: "header.content-length", message: "does not match the body" },
      ]);
  }
  // A body that does not decompress as its Content-Encoding says: body-parser wraps zlib's error in a 400.
  if (parserError.status === 400 && parserError.expose && parserError.type === undefined)
    return new AppError("bad_request", "The body could not be read: it does not decode as its Content-Encoding says", [
      { field: "header.content-encoding", message: "does not match the body" },
    ]);
  return null;
}
