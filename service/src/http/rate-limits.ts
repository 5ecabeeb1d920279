import type { Request, RequestHandler } from "express";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { CurrentUser } from "../auth/current-user";
import type { Database } from "../db/database";
import { AppError } from "../shared/app-error";
import { integerSetting } from "../shared/integer-setting";

/** Requests per window (0: no limit). README.md ("Rate limits") documents each variable. */
export interface RateLimitConfig {
  windowSeconds: number;
  /** Every /api request but health, counted by the caller's address before its token is looked at. */
  perAddress: number;
  /** Every authenticated request, counted by user, whichever replica and address it comes through. */
  perUser: number;
  /** POST /api/dev/token by address: it hands out tokens, so it gets the smallest budget. */
  devToken: number;
}

// A busy user is far below these: opening a record is about ten requests, a report export or a PDF
// one, keeping an e-mail's attachments one per file. Offices share one address behind their NAT,
// so the address budget is several busy users' worth.
const DEFAULTS = { windowSeconds: 60, perAddress: 3000, perUser: 600, devToken: 30 };

/** An empty value counts as unset here, so an env file can leave a limit blank. */
const count = (env: NodeJS.ProcessEnv, name: string, fallback: number) =>
  integerSetting(env[name] || undefined, name, fallback, 0);

export function loadRateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  const windowSeconds = count(env, "RATE_LIMIT_WINDOW_SECONDS", DEFAULTS.windowSeconds);
  if (windowSeconds === 0) throw new Error("RATE_LIMIT_WINDOW_SECONDS must be at least 1");
  return {
    windowSeconds,
    perAddress: count(env, "RATE_LIMIT_PER_ADDRESS", DEFAULTS.perAddress),
    perUser: count(env, "RATE_LIMIT_PER_USER", DEFAULTS.perUser),
    devToken: count(env, "RATE_LIMIT_DEV_TOKEN", DEFAULTS.devToken),
  };
}

export interface RateLimits {
  perAddress: RequestHandler;
  perUser: RequestHandler;
  devToken: RequestHandler;
}

/**
 * The limiters, counted where the database is: in PostgreSQL when it is the database, so every
 * replica draws on one budget per user and address; in memory on PGlite, whose one process is the
 * only one there is.
 */
export function createRateLimits(config: RateLimitConfig, db: Database): RateLimits {
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract | null => {
    if (points === 0) return null;
    const options = { keyPrefix, points, duration: config.windowSeconds };
    if (!db.pool) return new RateLimiterMemory(options);
    return new RateLimiterPostgres({
      ...options,
      storeClient: db.pool,
      storeType: "pool",
      // Created by the migrations (prisma/schema.prisma), not by the library at start-up, where
      // replicas starting together would race to create it.
      tableName: "RateLimit",
      tableCreated: true,
      // Once a key is over its budget, this replica refuses it from memory until the window ends:
      // a flood costs the database one write per key and window, not one per request.
      inMemoryBlockOnConsumed: points + 1,
      // The database away (restart, failover) must not turn every request into a 500: this replica
      // counts alone meanwhile.
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  return {
    perAddress: middleware(limiter("address", config.perAddress), addressKey, "from your address"),
    perUser: middleware(
      limiter("user", config.perUser),
      (_request, response) => (response.locals.user as CurrentUser).id,
      "from your account",
    ),
    devToken: middleware(limiter("dev-token", config.devToken), addressKey, "for development tokens"),
  };
}

function middleware(
  limiter: RateLimiterAbstract | null,
  keyOf: (request: Request, response: Parameters<RequestHandler>[1]) => string,
  what: string,
): RequestHandler {
  if (!limiter) return (_request, _response, next) => next();
  return async (request, response, next) => {
    try {
      await limiter.consume(keyOf(request, response));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      response.setHeader("Retry-After", String(seconds));
      throw new AppError("rate_limited", `Too many requests ${what}; try again in ${seconds} s`);
    }
    next();
  };
}

/**
 * The caller's address as Express sees it (TRUST_PROXY decides whether a proxy's X-Forwarded-For
 * counts). An IPv6 caller is counted by its /64, the block one subscriber gets: otherwise every
 * request could come from a new address of the same network.
 */
function addressKey(request: Request): string {
  const address = request.ip ?? request.socket.remoteAddress ?? "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

/** "2001:db8::1" → ["2001", "db8", "0", "0", "0", "0", "0", "1"] (zone id dropped). */
function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("%")[0]!.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...zeros, ...right].map((part) => part.replace(/^0+(?=.)/, ""));
}
