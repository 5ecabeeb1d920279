import { execFileSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { ApiClient } from "../support/api-client";
import { type TestService, startTestService } from "../support/test-service";

// Only PGlite here: authentication does not depend on the database server.
describe("authentication and authorisation", () => {
  describe("with the development issuer", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService("pglite");
    });
    afterAll(() => service.stop());

    it("serves health without a token and nothing else", async () => {
      expect((await service.anonymous().get("/api/health")).status).toBe(200);
      for (const path of ["/api/customers", "/api/lookup?email=a@b.example", "/api/openapi.json", "/api/me"]) {
        const response = await service.anonymous().get(path);
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe("unauthenticated");
      }
    });

    it("refuses malformed, tampered and foreign tokens with 401", async () => {
      const good = (await service.as("alice@contoso.com")).token!;
      const [header, payload] = good.split(".");
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), roles: ["CRM.Admin"] }),
      ).toString("base64url");
      const { privateKey } = await generateKeyPair("ES256");
      const foreign = await new SignJWT({
        oid: "x",
        tid: "dev-tenant",
        scp: "access_as_user",
        preferred_username: "eve@evil.example",
      })
        .setProtectedHeader({ alg: "ES256" })
        .setIssuer("urn:outlook-crm:dev-issuer")
        .setAudience("api://outlook-crm-dev")
        .setExpirationTime("1h")
        .sign(privateKey);
      for (const token of ["garbage", `${header}.${forged}.${good.split(".")[2]}`, foreign]) {
        const response = await new ApiClient(service.url, token).get("/api/me");
        expect(response.status).toBe(401);
      }
    });

    it("creates the user on first sight from the token's claims", async () => {
      const me = await (await service.as("new.colleague@contoso.com", "MANAGER")).get("/api/me");
      expect(me.body).toMatchObject({
        email: "new.colleague@contoso.com",
        name: "New Colleague",
        role: "MANAGER",
        timeZone: "UTC",
      });
      const users = await (await service.as("alice@contoso.com")).get("/api/users");
      expect(users.body.items.map((user: { email: string }) => user.email)).toContain("new.colleague@contoso.com");
    });

    it("accepts what `npm run token` prints for the same DATA_DIR", async () => {
      const printed = execFileSync(
        process.execPath,
        ["--import", "tsx", "scripts/token.ts", "--email", "Ben@Contoso.com", "--role", "manager"],
        {
          cwd: path.resolve(__dirname, "../.."),
          env: { ...process.env, DATA_DIR: service.dataDir },
          encoding: "utf8",
        },
      ).trim();
      const me = await new ApiClient(service.url, printed).get("/api/me");
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: "ben@contoso.com", role: "MANAGER" });
    });

    it("answers 403 when the role lacks the right", async () => {
      const salesman = await service.as("alice@contoso.com");
      const response = await salesman.post("/api/types", { name: "Partner" });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/salesman/);
    });
  });

  describe("with Entra ID configured", () => {
    const tenant = "11111111-2222-3333-4444-555555555555";
    const audience = "api://crm.contoso.example/abc";
    let jwks: http.Server;
    let service: TestService;
    let sign: (claims: Record<string, unknown>, issuer?: string) => Promise<string>;

    beforeAll(async () => {
      // A stand-in for Entra's key endpoint at the HTTP level: the service fetches keys like it would in production.
      const { privateKey, publicKey } = await generateKeyPair("RS256");
      const publicJwk = { ...(await exportJWK(publicKey)), kid: "entra-key-1", alg: "RS256", use: "sig" };
      jwks = http.createServer((_request, response) => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ keys: [publicJwk] }));
      });
      await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
      const jwksUri = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/discovery/v2.0/keys`;
      const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
      sign = (claims, tokenIssuer = issuer) =>
        new SignJWT({
          tid: tenant,
          scp: "access_as_user",
          oid: "0b1c",
          preferred_username: "Alice@Contoso.com",
          name: "Alice Wagner",
          ...claims,
        })
          .setProtectedHeader({ alg: "RS256", kid: "entra-key-1" })
          .setIssuer(tokenIssuer)
          .setAudience(audience)
          .setIssuedAt()
          .setExpirationTime("1h")
          .sign(privateKey);
      service = await startTestService("pglite", {
        AUTH_TENANT_ID: tenant,
        AUTH_AUDIENCE: audience,
        AUTH_JWKS_URI: jwksUri,
      });
    });
    afterAll(async () => {
      await service.stop();
      jwks.close();
    });

    const call = async (token: string) => new ApiClient(service.url, token).get("/api/me");

    it("accepts a token of the tenant, audience and scope, with app roles", async () => {
      const response = await call(await sign({ roles: ["CRM.Manager"] }));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ email: "alice@contoso.com", name: "Alice Wagner", role: "MANAGER" });
    });

    it("refuses another tenant, a missing scope, another issuer and development tokens", async () => {
      expect((await call(await sign({ tid: "99999999-0000-0000-0000-000000000000" }))).status).toBe(401);
      expect((await call(await sign({ scp: "User.Read" }))).status).toBe(401);
      expect((await call(await sign({}, "https://evil.example/v2.0"))).status).toBe(401);
      const devToken = (await service.as("alice@contoso.com")).token!;
      const refused = await call(devToken);
      expect(refused.status).toBe(401);
    });
  });
});
