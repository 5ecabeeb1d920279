import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_CUSTOMERS } from "../../demo/seed/demo-data";
import { type ServiceProcess, spawnService } from "../support/service-process";

const ROOT = path.resolve(__dirname, "../..");

// The service knows no demo data: `npm run service` (scripts/service.ts) hands the seed in when
// SEED=demo, and the service's own entry refuses SEED=demo rather than start empty.
describe("the demo seed, injected by the entry that knows it", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-demo-seed-"));
  let service: ServiceProcess | undefined;

  afterAll(async () => {
    service?.child.kill("SIGTERM");
    await service?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("`npm run service` with SEED=demo fills an empty database with the demo company", async () => {
    service = await spawnService({ DATA_DIR: dataDir, SEED: "demo" });
    await service.ready();
    const alice = await service.as("alice@contoso.com");
    const { body } = await alice.get(`/api/customers?search=${encodeURIComponent(DEMO_CUSTOMERS[0]!.name)}`);
    expect(body.items.map((customer: { accountNumber: string }) => customer.accountNumber)).toContain(
      DEMO_CUSTOMERS[0]!.account,
    );

    // The documented example files are orders Northwind could send: they check out against the demo's
    // items, Northwind's own codes and its special prices.
    const maria = await service.as("maria@contoso.com", "MANAGER");
    const northwind = (await maria.get("/api/customers?search=Northwind")).body.items[0];
    for (const format of ["csv", "xml"] as const) {
      const content = fs.readFileSync(path.join(ROOT, `docs/examples/order-import.${format}`), "utf8");
      const dryRun = await maria.post(`/api/customers/${northwind.id}/order-imports`, { format, content });
      expect({ format, status: dryRun.body.status, errors: dryRun.body.errors }).toEqual({
        format,
        status: "ready",
        errors: [],
      });
    }
  }, 120_000);

  it("the service's own entry refuses SEED=demo, saying which command seeds", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, SEED: "demo", PORT: "0", DATABASE_URL: "", HOME: os.tmpdir() };
    delete env.NODE_OPTIONS;
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-demo-seed-refused-"));
    const result = spawnSync(process.execPath, ["--import", "tsx", "service/src/main.ts"], {
      cwd: ROOT,
      env: { ...env, DATA_DIR: emptyDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    fs.rmSync(emptyDir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SEED=demo.*npm run service/);
  });
});
