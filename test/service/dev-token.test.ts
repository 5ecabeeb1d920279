import { type TestService, startTestService } from "../support/test-service";

// The demo host signs in through POST /api/dev/token; it must exist only with the development issuer.
describe("development sign-in endpoint", () => {
  describe("with the development issuer", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService("pglite");
    });
    afterAll(() => service.stop());

    it("gives a token the API accepts, for the user asked for", async () => {
      const response = await service.anonymous().post("/api/dev/token", { email: "Ben@Contoso.com" });
      expect(response.status).toBe(200);
      const me = await fetch(`${service.url}/api/me`, {
        headers: { authorization: `Bearer ${response.body.token}` },
      });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ email: "ben@contoso.com", role: "SALESMAN" });
    });

    it("refuses a request without a valid email", async () => {
      const response = await service.anonymous().post("/api/dev/token", { email: "not-an-address" });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe("body.email");
    });
  });

  describe("with Entra ID configured", () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService("pglite", {
        AUTH_TENANT_ID: "00000000-0000-0000-0000-000000000001",
        AUTH_AUDIENCE: "api://outlook-crm",
        // Never fetched: the request is refused before any token is verified.
        AUTH_JWKS_URI: "http://127.0.0.1:9/keys",
      });
    });
    afterAll(() => service.stop());

    it("does not exist: the request falls through to the authenticated API", async () => {
      const response = await service.anonymous().post("/api/dev/token", { email: "alice@contoso.com" });
      expect(response.status).toBe(401);
      expect(response.body.token).toBeUndefined();
    });
  });
});
