import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ServiceProcess, spawnService } from "./service-process";
import { type Backend, createPostgresTestDatabase } from "./test-database";

/**
 * The service processes of one fault suite: one DATA_DIR (and on PostgreSQL one database) they all
 * share, so a restart finds what the killed process left; every process still running is killed and
 * the data removed after the suite.
 */
export function serviceProcessesOn(backend: Backend, dataDirPrefix: string) {
  const suite = { dataDir: "", databaseUrl: "" };
  let drop = async () => {};
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    suite.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), dataDirPrefix));
    if (backend === "postgres") ({ databaseUrl: suite.databaseUrl, drop } = await createPostgresTestDatabase());
  });
  afterAll(async () => {
    for (const service of running) service.child.kill("SIGKILL");
    await Promise.all(running.map((service) => service.exited));
    await drop();
    fs.rmSync(suite.dataDir, { recursive: true, force: true });
  });

  return {
    dataDir: () => suite.dataDir,
    /** Starts one more process on the suite's data and waits until it is ready. */
    async start(): Promise<ServiceProcess> {
      const service = await spawnService({ DATA_DIR: suite.dataDir, DATABASE_URL: suite.databaseUrl });
      running.push(service);
      await service.ready();
      return service;
    },
  };
}
