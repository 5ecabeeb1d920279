import type { Logger } from "../shared/logger";
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import { AppError } from "../shared/app-error";
import type { IdempotencyRepository } from "./idempotency.repository";

// Idempotent creates after the IETF httpapi draft "The Idempotency-Key HTTP Header Field"
// (draft-ietf-httpapi-idempotency-key-header-07, https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/):
// - the field is an RFC 8941 sf-string ("Syntax"); one per request;
// - the server publishes its key format and expiry ("Idempotency Key Validity and Expiry",
//   "Security Considerations"): 8–255 visible ASCII characters, kept 24 hours, scoped to the user
//   (the composite lookup key the draft recommends), so a colleague's same key is another request;
// - a fingerprint of the request tells a retry from a reuse ("Idempotency Fingerprint");
// - a retry gets the first answer again, the same key with another request a 422, a retry while the
//   first is still running a 409 ("Idempotency Enforcement Scenarios", "Error Scenarios").
// Only successful answers are kept: a refused or failed create wrote nothing, so running it again
// with the same key is safe, and the client may correct it.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** An in-flight claim that is not renewed for this long belongs to a replica that died. */
const CLAIM_LEASE_MS = 60_000;
const PURGE_EVERY_MS = 10 * 60_000;
const KEY_CHARS = /^[\x21-\x7e]{8,255}$/;

export interface IdempotentResult {
  status: number;
  payload: unknown;
}

export interface Idempotency {
  /**
   * Runs a create at most once per user and key: the first request runs `execute` and its answer is
   * kept; a retry gets that answer again with `Idempotent-Replayed: true`.
   */
  once(
    scope: { userId: string; key: string; fingerprint: string },
    response: Response,
    execute: () => Promise<IdempotentResult>,
  ): Promise<void>;
}

export function createIdempotency(
  repository: IdempotencyRepository,
  logger: Pick<Logger, "warn">,
  now: () => Date = () => new Date(),
): Idempotency {
  let lastPurge = 0;
  const purgeNowAndThen = (at: Date) => {
    if (at.getTime() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = at.getTime();
    repository.purgeExpired(at).catch((error: unknown) => logger.warn({ err: error }, "idempotency keys not purged"));
  };

  return {
    async once({ userId, key, fingerprint }, response, execute) {
      const at = now();
      purgeNowAndThen(at);
      const claim = await repository.claim({
        userId,
        key,
        fingerprint,
        now: at,
        lockedUntil: new Date(at.getTime() + CLAIM_LEASE_MS),
        expiresAt: new Date(at.getTime() + IDEMPOTENCY_TTL_MS),
      });
      if (claim.kind === "mismatch")
        throw new AppError(
          "idempotency_key_reused",
          "This Idempotency-Key was already used for a different request; use a new key for a new request",
          [{ field: `header.${IDEMPOTENCY_HEADER}`, message: "was used for a different request" }],
        );
      if (claim.kind === "in-flight")
        throw new AppError(
          "request_in_progress",
          "A request with this Idempotency-Key is still being processed; try again in a moment",
          [{ field: `header.${IDEMPOTENCY_HEADER}`, message: "is in use by a request still running" }],
        );
      if (claim.kind === "replay") {
        response.setHeader("Idempotent-Replayed", "true");
        return send(response, claim.status, claim.body);
      }

      const renew = setInterval(() => {
        const until = new Date(now().getTime() + CLAIM_LEASE_MS);
        repository.renew(userId, key, until).catch(() => undefined);
      }, CLAIM_LEASE_MS / 3);
      renew.unref();
      let result: IdempotentResult;
      try {
        result = await execute();
      } catch (error) {
        await repository.abandon(userId, key).catch(() => undefined);
        throw error;
      } finally {
        clearInterval(renew);
      }
      const body = result.status === 204 ? null : JSON.stringify(result.payload);
      // The create went through: the caller hears so even if its answer cannot be kept (the claim
      // then runs out, and only a retry after that could repeat it).
      await repository
        .complete(userId, key, result.status, body)
        .catch((error: unknown) => logger.warn({ err: error }, "idempotent answer not kept"));
      send(response, result.status, body);
    },
  };
}

function send(response: Response, status: number, body: string | null) {
  if (body === null) response.status(status).end();
  else response.status(status).type("application/json").send(body);
}

/** The request's key, or null without one; a malformed or repeated field is a 400 naming the header. */
export function idempotencyKeyOf(request: Request): string | null {
  const raw = request.headers["idempotency-key"];
  if (raw === undefined) return null;
  // Node joins repeated fields with ", ", which no valid key survives: "MUST NOT include more than one".
  const value = (Array.isArray(raw) ? raw.join(", ") : raw).trim();
  // An sf-string as the draft says; a bare key of the same characters is taken as well.
  const key = value.startsWith('"') ? parseSfString(value) : value;
  if (key === null || !KEY_CHARS.test(key))
    throw new AppError(
      "bad_request",
      `${IDEMPOTENCY_HEADER} must be one quoted string of 8 to 255 visible ASCII characters, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"`,
      [{ field: `header.${IDEMPOTENCY_HEADER}`, message: "must be one quoted string of 8 to 255 visible characters" }],
    );
  return key;
}

/** RFC 8941 section 3.3.3: DQUOTE *( unescaped / "\" ( DQUOTE / "\" ) ) DQUOTE, printable ASCII only. */
function parseSfString(value: string): string | null {
  if (value.length < 2 || !value.endsWith('"')) return null;
  let out = "";
  for (let index = 1; index < value.length - 1; index++) {
    let char = value[index]!;
    if (char === "\\") {
      char = value[++index] ?? "";
      if ((char !== '"' && char !== "\\") || index >= value.length - 1) return null;
    } else if (char === '"') return null; // two fields joined by a comma, or a stray quote
    const code = char.charCodeAt(0);
    if (code < 0x20 || code > 0x7e) return null;
    out += char;
  }
  return out;
}

/** What makes a retry the same request: method, path with query, and the body (JSON in a canonical order, or bytes). */
export function fingerprintOf(request: Request): string {
  const hash = createHash("sha256").update(`${request.method} ${request.originalUrl}\n`);
  const body: unknown = request.body;
  if (Buffer.isBuffer(body)) hash.update(`${request.headers["content-type"] ?? ""}\n`).update(body);
  else if (body !== undefined) hash.update(canonicalJson(body));
  return hash.digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalJson((value as Record<string, unknown>)[name])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}
