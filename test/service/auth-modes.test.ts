import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SignJWT, importJWK } from "jose";
import { loadOrCreateDevKeys } from "../../service/src/auth/dev-issuer";
import { createTokenVerifier } from "../../service/src/auth/token-verifier";
import { loadConfig } from "../../service/src/config";
import { ApiClient } from "../support/api-client";
import { createLogger } from "../../service/src/shared/logger";
import { type TestService, startTestService } from "../support/test-service";

// Auth modes as Keycloak has them (`start` versus `start-dev`): production auth is asked for, never
// fallen into or out of by a missing variable. Only PGlite: none of this depends on the database.
const ROOT = path.resolve(__dirname, "../..");
const run = promisify(execFile);

/** Runs one of the project's entry points as `npm run` would, in its own process. */
function runScript(script: string, env: Record<string, string>, args: string[] = []) {
  return run(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), ...env },
    encoding: "utf8",
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "crm-auth-modes-"));

describe("production mode", () => {
  it("refuses to start without production auth, naming AUTH_TENANT_ID and AUTH_AUDIENCE", async () => {
    const dataDir = tempDir();
    const partial: Record<string, string>[] = [
      {},
      { AUTH_TENANT_ID: "11111111-2222-3333-4444-555555555555" },
      { AUTH_AUDIENCE: "api://x" },
    ];
    for (const auth of partial) {
      const result = await runScript("scripts/service.ts", { NODE_ENV: "production", DATA_DIR: dataDir, ...auth });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/AUTH_TENANT_ID/);
      expect(result.stderr).toMatch(/AUTH_AUDIENCE/);
      expect(result.stdout).not.toMatch(/listening/);
    }
    // It stopped before opening anything: no database, no development key.
    expect(fs.readdirSync(dataDir)).toEqual([]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints no development token either", async () => {
    const result = await runScript("scripts/token.ts", { NODE_ENV: "production", DATA_DIR: tempDir() }, [
      "--email",
      "eve@contoso.com",
      "--role",
      "admin",
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/AUTH_TENANT_ID.*AUTH_AUDIENCE/s);
  });

  it("never builds the development issuer's verifier, even from a hand-made configuration", async () => {
    const config = { ...loadConfig({ DATA_DIR: tempDir() }), production: true };
    expect(config.auth.mode).toBe("development");
    await expect(createTokenVerifier(config)).rejects.toThrow(/never runs with NODE_ENV=production/);
  });

  it("starts with Entra ID configured and listens on every interface", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      AUTH_TENANT_ID: "11111111-2222-3333-4444-555555555555",
      AUTH_AUDIENCE: "api://crm.contoso.example",
    });
    expect(config.auth.mode).toBe("entra");
    expect(config.host).toBeUndefined();
  });
});

describe("development mode", () => {
  it("`npm run service` listens on loopback only, and its sign-in works there", async () => {
    const dataDir = tempDir();
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/service.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", PORT: "0", DATA_DIR: dataDir, SEED: "none" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout!.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.once("exit", (code) => reject(new Error(`the service exited (${code}): ${output}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(output).not.toMatch(/HOST=/);
      const token = await new ApiClient(url).post("/api/dev/token", { email: "alice@contoso.com" });
      expect(token.status).toBe(200);
      expect((await new ApiClient(url, token.body.token).get("/api/me")).body.email).toBe("alice@contoso.com");
      // Nothing answers on the machine's other addresses.
      const external = externalAddress();
      if (external)
        await expect(fetch(`http://${external}:${new URL(url).port}/api/health`)).rejects.toThrow(/fetch failed/);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe("with HOST set to every interface", () => {
    let service: TestService;
    let warnings: string[];
    beforeAll(async () => {
      warnings = [];
      const logger = createLogger({ destination: { write: (line: string) => void warnings.push(line) } });
      service = await startTestService("pglite", { HOST: "0.0.0.0" }, { logger });
    });
    afterAll(() => service.stop());

    it("warns that the development issuer is on the network", () => {
      expect((service.service.server.address() as AddressInfo).address).toBe("0.0.0.0");
      expect(warnings.join("\n")).toMatch(/HOST=0\.0\.0\.0.*development issuer.*AUTH_TENANT_ID/s);
    });

    it("answers the development sign-in for callers on this machine only", async () => {
      const external = externalAddress();
      if (!external) return console.warn("no non-loopback IPv4 address on this machine: remote caller not tried");
      const port = service.service.port;
      const remote = await new ApiClient(`http://${external}:${port}`).request(
        "POST",
        "/api/dev/token",
        { email: "admin@contoso.com", role: "ADMIN" },
        // A header is the caller's word, not its address.
        { "x-forwarded-for": "127.0.0.1" },
      );
      expect(remote.status).toBe(403);
      expect(remote.body.error.code).toBe("forbidden");
      expect(remote.body.token).toBeUndefined();
      // The rest of the API still answers there, to whoever holds a token.
      expect((await new ApiClient(`http://${external}:${port}`).get("/api/health")).status).toBe(200);
    });
  });

  describe("on loopback", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService("pglite");
    });
    afterAll(() => service.stop());

    it("binds 127.0.0.1 unless HOST says otherwise", () => {
      expect((service.service.server.address() as AddressInfo).address).toBe("127.0.0.1");
    });

    it("refuses a sign-in a proxy on this machine forwarded: its caller may be anyone", async () => {
      const forwarded: Record<string, string>[] = [
        { "x-forwarded-for": "203.0.113.7" },
        { forwarded: "for=203.0.113.7" },
        { "x-real-ip": "203.0.113.7" },
      ];
      for (const header of forwarded) {
        const response = await service
          .anonymous()
          .request("POST", "/api/dev/token", { email: "alice@contoso.com" }, header);
        expect(response.status).toBe(403);
      }
      expect((await service.anonymous().post("/api/dev/token", { email: "alice@contoso.com" })).status).toBe(200);
    });
  });
});

describe("token lifetime", () => {
  let service: TestService;
  let sign: (claims: { iat?: number; exp?: number }) => Promise<string>;
  const now = () => Math.floor(Date.now() / 1000);
  const hours = (count: number) => count * 3600;

  beforeAll(async () => {
    service = await startTestService("pglite");
    const keys = await loadOrCreateDevKeys(service.dataDir);
    const key = await importJWK(keys.privateJwk, "ES256");
    // The development issuer's own key: only the lifetime differs from a token the service accepts.
    sign = ({ iat, exp }) => {
      const jwt = new SignJWT({
        oid: "5f0c2d0e-0000-4000-8000-000000000001",
        tid: "dev-tenant",
        scp: "access_as_user",
        preferred_username: "alice@contoso.com",
        ...(iat === undefined ? {} : { iat }),
        ...(exp === undefined ? {} : { exp }),
      })
        .setProtectedHeader({ alg: "ES256", kid: keys.privateJwk.kid })
        .setIssuer("urn:outlook-crm:dev-issuer")
        .setAudience("api://outlook-crm-dev");
      return jwt.sign(key);
    };
  });
  afterAll(() => service.stop());

  const status = async (token: string) => (await new ApiClient(service.url, token).get("/api/me")).status;

  it("refuses a token without exp", async () => {
    const response = await new ApiClient(service.url, await sign({ iat: now() })).get("/api/me");
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/exp/);
    expect(await status(await sign({}))).toBe(401);
  });

  it("refuses a token valid for more than 24 hours, by exp - iat or, without iat, by exp - now", async () => {
    const longLived = await new ApiClient(service.url, await sign({ iat: now(), exp: now() + hours(25) })).get(
      "/api/me",
    );
    expect(longLived.status).toBe(401);
    expect(longLived.body.error.message).toMatch(/more than 24 hours/);
    // Issued long ago, still valid for an hour: its whole lifetime counts, not what is left of it.
    expect(await status(await sign({ iat: now() - hours(30), exp: now() + hours(1) }))).toBe(401);
    expect(await status(await sign({ exp: now() + hours(24) + 120 }))).toBe(401);
    // Dated in the future, one hour long, but good for a month from now.
    expect(await status(await sign({ iat: now() + hours(24 * 30), exp: now() + hours(24 * 30 + 1) }))).toBe(401);
  });

  it("accepts tokens valid for 24 hours or less", async () => {
    expect(await status(await sign({ iat: now(), exp: now() + hours(24) }))).toBe(200);
    expect(await status(await sign({ iat: now() - hours(20), exp: now() + hours(3) }))).toBe(200);
    expect(await status(await sign({ exp: now() + hours(1) }))).toBe(200);
  });

  it("`npm run token` will not print a token the service would refuse", async () => {
    const result = await runScript("scripts/token.ts", { DATA_DIR: service.dataDir }, [
      "--email",
      "alice@contoso.com",
      "--expires",
      "48h",
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/24 hours at most/);
  });
});

/** One of this machine's non-loopback IPv4 addresses, if it has one. */
function externalAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
}
