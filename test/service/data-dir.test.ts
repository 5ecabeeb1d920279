import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../service/src/config";
import { startService } from "../../service/src/server";

const ROOT = path.resolve(__dirname, "../..");

/** Every folder and file under dir whose mode is not 0700 (folders) or 0600 (files). */
function looseEntries(dir: string): string[] {
  const loose: string[] = [];
  const visit = (target: string) => {
    const stat = fs.lstatSync(target);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) loose.push(`${path.relative(dir, target) || "."} ${mode.toString(8)}`);
      for (const name of fs.readdirSync(target)) visit(path.join(target, name));
    } else if (stat.isFile() && mode !== 0o600) loose.push(`${path.relative(dir, target)} ${mode.toString(8)}`);
  };
  visit(dir);
  return loose;
}

/** `npm run service` as an operator starts it; answers its exit code and what it printed. */
function runService(env: Record<string, string>, as?: { uid: number; gid: number }) {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    SEED: "none",
    DATABASE_URL: "",
    HOME: os.tmpdir(),
    ...env,
  };
  delete childEnv.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/service.ts"], {
    cwd: ROOT,
    env: childEnv,
    encoding: "utf8",
    timeout: 60_000,
    ...as,
  });
  return { status: result.status, output: result.stderr.trim() };
}

describe("DATA_DIR", () => {
  let base: string;
  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), "crm-data-dir-"));
    fs.chmodSync(base, 0o755); // other users must reach the folders below (the "no permission" case)
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it("is created 0700 with every file 0600, the embedded database and the key included, and an older loose tree is tightened", async () => {
    const dataDir = path.join(base, "fresh");
    const start = async () => {
      const service = await startService(loadConfig({ PORT: "0", DATA_DIR: dataDir, SEED: "none" }));
      await service.stop();
    };
    // The test process's own umask (usually 022) is what PGlite's files would otherwise get.
    await start();
    expect(fs.existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "dev-issuer", "signing-key.json"))).toBe(true);
    expect(looseEntries(dataDir)).toEqual([]);

    // As an older version (or a careless copy) left it: readable by everyone.
    const loosen = (target: string) => {
      for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
        const child = path.join(target, entry.name);
        if (entry.isDirectory()) loosen(child);
        fs.chmodSync(child, entry.isDirectory() ? 0o777 : 0o666);
      }
      fs.chmodSync(target, 0o777);
    };
    fs.writeFileSync(path.join(dataDir, "notes.txt"), "left by hand");
    loosen(dataDir);
    expect(looseEntries(dataDir).length).toBeGreaterThan(100);
    await start();
    expect(looseEntries(dataDir)).toEqual([]);
  }, 90_000);

  describe("that cannot be used stops the start with the path and the cause", () => {
    it("is a file", () => {
      const file = path.join(base, "a-file");
      fs.writeFileSync(file, "");
      const { status, output } = runService({ DATA_DIR: file });
      expect(status).toBe(1);
      expect(output).toBe(`DATA_DIR ${file} is not a folder (it is a file); point DATA_DIR at a folder`);
    }, 60_000);

    it("has no parent folder", () => {
      const dataDir = path.join(base, "missing", "data");
      const { status, output } = runService({ DATA_DIR: dataDir });
      expect(status).toBe(1);
      expect(output).toBe(
        `DATA_DIR ${dataDir} cannot be created: its parent folder ${path.join(base, "missing")} does not exist; create it first or point DATA_DIR elsewhere`,
      );
      expect(fs.existsSync(path.join(base, "missing"))).toBe(false);
    }, 60_000);

    it("is not writable for the service's user", () => {
      const dataDir = path.join(base, "not-mine");
      fs.mkdirSync(dataDir, { mode: 0o755 });
      // Root may write anywhere, so as root the service runs as nobody; otherwise the folder is made read-only.
      const asRoot = process.getuid?.() === 0;
      if (!asRoot) fs.chmodSync(dataDir, 0o500);
      const { status, output } = runService({ DATA_DIR: dataDir }, asRoot ? { uid: 65534, gid: 65534 } : undefined);
      expect(status).toBe(1);
      expect(output).toMatch(
        new RegExp(
          `^DATA_DIR ${dataDir} is not writable: no permission for user \\S+ \\(uid \\d+\\) \\(check the owner and mode of the folder\\)$`,
        ),
      );
      fs.chmodSync(dataDir, 0o700);
    }, 60_000);

    it("holds a file where the embedded database belongs", () => {
      const dataDir = path.join(base, "broken");
      fs.mkdirSync(dataDir, { mode: 0o700 });
      fs.writeFileSync(path.join(dataDir, "pglite"), "");
      const { status, output } = runService({ DATA_DIR: dataDir });
      expect(status).toBe(1);
      expect(output).toBe(`${path.join(dataDir, "pglite")} is not a folder: it should hold the embedded database`);
    }, 60_000);
  });
});
