import { execFileSync } from "node:child_process";
import path from "node:path";
import { SignJWT, generateKeyPair } from "jose";
import { ApiClient } from "../support/api-client";
import { startEntraIssuer } from "../support/entra-issuer";
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
    let entra: Awaited<ReturnType<typeof startEntraIssuer>>;
    let service: TestService;
    let sign: (claims: Record<string, unknown>, issuer?: string) => Promise<string>;

    beforeAll(async () => {
      entra = await startEntraIssuer(tenant, "api://crm.contoso.example/abc");
      sign = entra.sign;
      service = await startTestService("pglite", entra.env);
    });
    afterAll(async () => {
      await service.stop();
      await entra.close();
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
