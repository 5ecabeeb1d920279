import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { loadOrCreateDevKeys, signDevToken } from "../../service/src/auth/dev-issuer";
import { loadConfig } from "../../service/src/config";
import { DURABLE_START_PARAMS } from "../../service/src/db/durable-pglite";
import { startService } from "../../service/src/server";
import { ApiClient } from "../support/api-client";
import { createCustomer, unique } from "../support/fixtures";
import { emailBody } from "../support/email-load";

interface Flush {
  file: string;
  /** The flushed file holds this text (read back right after the fsync). */
  holdsMarker: boolean;
}

/** Records every fsync of a file under dir while fn runs, and whether the flushed file held marker. */
async function flushesDuring(dir: string, marker: string, fn: () => Promise<void>): Promise<Flush[]> {
  const flushes: Flush[] = [];
  const fsyncSync = fs.fsyncSync;
  const spy = jest.spyOn(fs, "fsyncSync").mockImplementation((fd: number) => {
    fsyncSync(fd);
    const file = fs.readlinkSync(`/proc/self/fd/${fd}`);
    if (file.startsWith(dir))
      flushes.push({ file: path.relative(dir, file), holdsMarker: fs.readFileSync(file).includes(marker) });
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return flushes;
}

// Linux only: the flushed file is found through /proc/self/fd.
(process.platform === "linux" ? describe : describe.skip)("durable commits on the embedded database", () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-durable-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("flushes the WAL holding an e-mail log entry to disk before the service answers 201", async () => {
    const dataDir = newDir();
    const service = await startService(loadConfig({ PORT: "0", DATA_DIR: dataDir, SEED: "none" }));
    try {
      const alice = new ApiClient(
        service.url,
        await signDevToken(await loadOrCreateDevKeys(dataDir), { email: "alice@contoso.com" }),
      );
      const customer = await createCustomer(alice, { status: 2 });
      const messageId = `<${unique("durable")}@fabrikam.example>`;
      let status = 0;
      const flushes = await flushesDuring(path.join(dataDir, "pglite"), messageId, async () => {
        status = (await alice.post("/api/email-log", emailBody(messageId, customer.id))).status;
      });
      expect(status).toBe(201);
      // Recorded before the answer arrived, so flushed before it was sent: the acknowledged entry is on disk.
      expect(flushes.filter((flush) => flush.file.startsWith("pg_wal/") && flush.holdsMarker)).not.toEqual([]);
    } finally {
      await service.stop();
    }
  }, 60_000);

  // Why the service needs its own file system: with PGlite's defaults nothing is flushed, and turning
  // fsync on alone does not help either (Emscripten's NODEFS has no fsync to call).
  it.each([
    ["PGlite's defaults (-F: fsync off)", undefined],
    ["fsync on, PGlite's own NodeFS", DURABLE_START_PARAMS],
  ])(
    "flushes nothing with %s",
    async (_name, startParams) => {
      const dir = path.join(newDir(), "pglite");
      const pglite = await PGlite.create({ fs: new NodeFS(dir), startParams });
      try {
        await pglite.exec("CREATE TABLE entry (id serial PRIMARY KEY, message text)");
        const flushes = await flushesDuring(dir, "marker-4711", async () => {
          await pglite.query("INSERT INTO entry (message) VALUES ($1)", ["marker-4711"]);
        });
        expect(flushes).toEqual([]);
      } finally {
        await pglite.close();
      }
    },
    60_000,
  );
});
