/* eslint-disable @typescript-eslint/no-explicit-any -- the suite reads the document as JSON */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildOpenApi, operationIdOf } from "../../service/src/http/openapi";
import { defineRoute } from "../../service/src/http/route";
import { z } from "zod";
import { expressRoutes } from "../support/express-routes";
import { fill } from "../support/openapi-walk";
import { type TestService, startTestService } from "../support/test-service";

// The document as a team generating a client from it meets it: linted by Redocly's CLI with the
// recommended rules, turned into types by openapi-typescript, the README's calls type-checked
// against them with tsc and then made on the real service with openapi-fetch; and what it says of
// each operation (its parameters, its statuses) held against what the service does.

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "node_modules/.bin");
const run = promisify(execFile);
const METHODS = ["get", "post", "patch", "put", "delete"];
const SOME_ID = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

/** Runs a tool; on failure the test shows what it printed. */
async function tool(command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${path.basename(command)} ${args[0]} failed:\n${failed.stdout ?? ""}${failed.stderr ?? failed.message}`,
    );
  }
}

type Operation = { method: string; path: string; op: any };

// Loaded by a path tsc does not follow: the file type-checks only against the types generated here.
const README_CALLS = path.join(ROOT, "test/openapi/readme-calls.ts");
const { readmeCalls } = require(README_CALLS) as {
  readmeCalls: (baseUrl: string, email: string) => Promise<number>;
};

describe("the OpenAPI document, for generated clients", () => {
  let service: TestService;
  let document: any;
  let operations: Operation[];
  let dir: string;

  beforeAll(async () => {
    service = await startTestService("pglite");
    document = (await (await service.as("alice@contoso.com")).get("/api/openapi.json")).body;
    operations = Object.entries(document.paths).flatMap(([p, methods]: [string, any]) =>
      Object.entries(methods)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ method, path: p, op })),
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-openapi-"));
    fs.writeFileSync(path.join(dir, "openapi.json"), JSON.stringify(document, null, 2));
  });
  afterAll(async () => {
    await service?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const output = await tool(path.join(BIN, "redocly"), [
      "lint",
      path.join(dir, "openapi.json"),
      "--config",
      path.join(ROOT, "redocly.yaml"),
      "--format",
      "stylish",
    ]);
    expect(output).toContain("Your API description is valid");
    // (Its banner about Node 20 says "warning" too; the lint's own count reads "You have N warnings".)
    expect(output).not.toMatch(/You have \d+ warnings?/);
  });

  it("generates a client with which every call README.md shows type-checks, and wrong calls do not", async () => {
    const types = path.join(dir, "crm-api.d.ts");
    await tool(path.join(BIN, "tsx"), [
      path.join(ROOT, "test/openapi/generate-client.ts"),
      path.join(dir, "openapi.json"),
      types,
    ]);
    fs.writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
          paths: { "crm-api": [types] },
        },
        files: [README_CALLS],
      }),
    );
    // Fails on a call the document refuses, and on a @ts-expect-error line the document lets through.
    await tool(path.join(BIN, "tsc"), ["-p", path.join(dir, "tsconfig.json")]);
  });

  it("and the service answers those calls as the document says", async () => {
    const calls = await readmeCalls(service.url, "admin@contoso.com");
    expect(calls).toBeGreaterThan(100);
  });

  it("gives every operation an operationId of its method and path alone, unique", () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const { method, path: p, op } of operations) expect(op.operationId).toBe(operationIdOf(method, p));
    // The scheme itself is part of every generated client: changing it renames their methods.
    expect(operationIdOf("get", "/api/customers/:id")).toBe("getCustomersById");
    expect(operationIdOf("get", "/api/customers/{id}")).toBe("getCustomersById");
    expect(operationIdOf("post", "/api/email-log/:entryId/attachments")).toBe("postEmailLogByEntryIdAttachments");
    expect(operationIdOf("get", "/api/reports/customers/labels.pdf")).toBe("getReportsCustomersLabelsPdf");
    const route = (p: string) =>
      defineRoute({
        method: "get",
        path: p,
        tag: "t",
        summary: "s",
        response: z.object({}),
        handler: async () => ({}),
      });
    expect(() => buildOpenApi([route("/api/a-b"), route("/api/a/b")])).toThrow(
      "operationId getAB of get /api/a/b is also that of get /api/a-b",
    );
    expect(() => buildOpenApi([route("/api/a-b"), { ...route("/api/a/b"), operationId: "getAOfB" }])).not.toThrow();
  });

  // Graph's notifications come without a bearer token by design (clientState authenticates them).
  it("has servers, a version, bearer JWT on all but health, the development sign-in and Graph's notifications", () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
    expect(document.security).toEqual([{ bearer: [] }]);
    const open = operations
      .filter(({ op }) => op.security?.length === 0)
      .map(({ method, path: p }) => `${method} ${p}`);
    expect(open.sort()).toEqual([
      "get /api/health",
      "get /api/health/live",
      "get /api/health/ready",
      "post /api/dev/token",
      "post /api/graph/notifications",
    ]);
    expect(document.paths["/api/openapi.json"].get.operationId).toBe("getOpenapiJson");
    expect(document.paths["/api/health/ready"].get.responses["503"].headers["Retry-After"]).toBeDefined();
  });

  it("lists every route the app answers under /api exactly once, and nothing it does not answer", () => {
    const answered = expressRoutes(service)
      .filter((route) => / \/api(\/|$)/.test(route))
      .map((route) => route.replace(/:(\w+)/g, "{$1}"));
    const listed = operations.map(({ method, path: p }) => `${method.toUpperCase()} ${p}`);
    // The development sign-in is on here (the test service runs the development issuer).
    expect(answered).toContain("POST /api/dev/token");
    expect(answered.filter((route, index) => answered.indexOf(route) !== index)).toEqual([]);
    expect([...listed].sort()).toEqual([...answered].sort());
  });

  // What the service does, per operation: each check walks every operation the document lists.

  it("marks a query parameter required exactly when the service refuses the request without it", async () => {
    const admin = await service.as("admin@contoso.com", "ADMIN");
    const failures: string[] = [];
    // OpenAPI says a path parameter is always required; Redocly's rules let `false` through.
    for (const { method, path: p, op } of operations)
      for (const parameter of op.parameters ?? [])
        if (parameter.in === "path" && parameter.required !== true)
          failures.push(`${method} ${p}: path parameter ${parameter.name} not required`);
    for (const { path: p, op } of operations.filter(({ method }) => method === "get")) {
      const query: any[] = (op.parameters ?? []).filter((parameter: any) => parameter.in === "query");
      if (query.length === 0) continue;
      const value = (parameter: any) => {
        const filled = fill(parameter.schema, `query.${parameter.name}`, () => undefined, []);
        return Array.isArray(filled) ? filled : [filled];
      };
      const url = (given: any[]) => {
        const search = new URLSearchParams();
        for (const parameter of given) for (const item of value(parameter)) search.append(parameter.name, String(item));
        return `${p.replace(/\{\w+\}/g, SOME_ID)}?${search}`;
      };
      const required = query.filter((parameter) => parameter.required);
      const fields = async (given: any[]) => {
        // Raw fetch: a report answers a PDF or CSV once its query is valid.
        const response = await fetch(`${service.url}${url(given)}`, {
          headers: { authorization: `Bearer ${admin.token}` },
        });
        if (response.status !== 400) return [];
        const body = (await response.json()) as { error: { details?: { field: string }[] } };
        return (body.error.details ?? []).map((detail) => detail.field);
      };
      const withRequiredOnly = await fields(required);
      if (withRequiredOnly.some((field: string) => field.startsWith("query.")))
        failures.push(`${p}: refused with only its required parameters: ${withRequiredOnly.join(", ")}`);
      for (const parameter of required) {
        const without = await fields(required.filter((other) => other !== parameter));
        if (!without.includes(`query.${parameter.name}`))
          failures.push(`${p}: ${parameter.name} is required in the document, but not by the service`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("declares what the service answers: 401 without a token, 400 for a bad id, 404 for none, 415 for a body not JSON", async () => {
    const admin = await service.as("admin@contoso.com", "ADMIN");
    const anonymous = service.anonymous();
    const failures: string[] = [];
    const resolve = (response: any) =>
      response?.$ref ? document.components.responses[response.$ref.split("/").pop()] : response;
    const check = ({ method, path: p, op }: Operation, expected: number, got: number) => {
      if (got !== expected) failures.push(`${method} ${p}: expected ${expected}, got ${got}`);
      if (!op.responses[got]) failures.push(`${method} ${p}: answers ${got}, which it does not declare`);
    };
    for (const operation of operations) {
      const { method, path: p, op } = operation;
      const anonymousOperation = op.security?.length === 0;
      const hasPathId = (op.parameters ?? []).some((parameter: any) => parameter.in === "path");
      const concrete = p.replace(/\{\w+\}/g, SOME_ID);
      if (!anonymousOperation) check(operation, 401, (await anonymous.request(method.toUpperCase(), concrete)).status);
      if (hasPathId)
        check(operation, 400, (await admin.request(method.toUpperCase(), p.replace(/\{\w+\}/g, "x"))).status);
      if (hasPathId && method === "get")
        check(operation, 404, (await admin.request(method.toUpperCase(), concrete)).status);
      if (op.requestBody?.content["application/json"] && !anonymousOperation)
        check(
          operation,
          415,
          (await admin.request(method.toUpperCase(), concrete, "name=x", { "content-type": "text/plain" })).status,
        );
      // Every API call may meet the limits (the development sign-in too; health answers before them),
      // the database going away, the service starting.
      const limited = !p.startsWith("/api/health");
      for (const status of limited ? [429, 500, 503] : [])
        if (!op.responses[status]) failures.push(`${method} ${p}: ${status} undeclared`);
      // A body may be too large or of a type the route does not take; a create with an
      // Idempotency-Key may meet one still running (409) or one used for another request (422).
      const idempotent = (op.parameters ?? []).some((parameter: any) => parameter.$ref?.endsWith("/IdempotencyKey"));
      for (const status of [...(op.requestBody ? [413, 415] : []), ...(idempotent ? [409, 422] : [])])
        if (!op.responses[status]) failures.push(`${method} ${p}: ${status} undeclared`);
      const success = Object.keys(op.responses).find((status) => status.startsWith("2"))!;
      if (idempotent && !op.responses[success].headers?.["Idempotent-Replayed"])
        failures.push(`${method} ${p}: ${success} without Idempotent-Replayed`);
      for (const status of [429, 503])
        if (op.responses[status] && !resolve(op.responses[status]).headers?.["Retry-After"])
          failures.push(`${method} ${p}: ${status} without Retry-After`);
    }
    expect(failures).toEqual([]);
  });

  it("describes uploads as the file itself in the types the service keeps, and downloads likewise", () => {
    const upload = document.paths["/api/customers/{id}/attachments"].post;
    expect(Object.keys(upload.requestBody.content)).toEqual(
      expect.arrayContaining(["application/pdf", "image/png", "message/rfc822"]),
    );
    expect(upload.requestBody.content["application/pdf"].schema).toEqual({ type: "string", format: "binary" });
    expect(upload.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "fileName", required: true })]),
    );
    expect(Object.keys(upload.responses)).toEqual(
      expect.arrayContaining(["201", "400", "404", "409", "413", "415", "422"]),
    );
    const download = document.paths["/api/attachments/{id}/content"].get.responses["200"];
    expect(Object.keys(download.content)).toEqual(Object.keys(upload.requestBody.content));
    expect(download.headers["Content-Disposition"]).toBeDefined();
  });
});
