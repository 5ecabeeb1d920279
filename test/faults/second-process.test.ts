import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { emailBody, loggedMessageIds } from "../support/email-load";
import { type ServiceProcess, spawnService } from "../support/service-process";

// One process per DATA_DIR: the embedded database is a folder that two processes would corrupt.
describe("a second process on the same DATA_DIR", () => {
  const dirs: string[] = [];
  const running: ServiceProcess[] = [];
  const newDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-second-"));
    dirs.push(dir);
    return dir;
  };
  const spawn = async (dataDir: string) => {
    const service = await spawnService({ DATA_DIR: dataDir });
    running.push(service);
    return service;
  };
  afterAll(async () => {
    for (const service of running) service.child.kill("SIGKILL");
    await Promise.all(running.map((service) => service.exited));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits within seconds naming the folder and the process that holds it; npm run token still works; a killed holder's lock is taken over", async () => {
    const dataDir = newDataDir();
    const first = await spawn(dataDir);
    await first.ready();
    const alice = await first.as("alice@contoso.com");
    const customer = await createCustomer(alice, { status: 2 });
    expect((await alice.post("/api/email-log", emailBody("<before@second.example>", customer.id))).status).toBe(201);

    const started = Date.now();
    const second = await spawn(dataDir);
    const { code } = await second.exited;
    const seconds = (Date.now() - started) / 1000;
    console.log(`second process exited with ${code} after ${seconds.toFixed(1)} s: ${second.output().trim()}`);
    expect(code).not.toBe(0);
    expect(seconds).toBeLessThan(20); // process start included; the lock itself answers within about a second
    expect(second.output()).toContain(`DATA_DIR ${dataDir} is in use by process ${first.child.pid} on this host`);

    // The holder goes on as if nothing happened, and the token script needs no lock.
    const token = spawnSync(process.execPath, ["--import", "tsx", "scripts/token.ts", "--email", "ben@contoso.com"], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, NODE_OPTIONS: "", DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(token.status).toBe(0);
    const me = await new ApiClient(first.url, token.stdout.trim()).get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body.email).toBe("ben@contoso.com");
    expect((await alice.post("/api/email-log", emailBody("<after@second.example>", customer.id))).status).toBe(201);

    // Killed, the holder leaves its lock behind: the next process waits until it is stale, then owns it.
    first.child.kill("SIGKILL");
    await first.exited;
    const killedAt = Date.now();
    const third = await spawn(dataDir);
    await third.ready();
    console.log(`after kill -9 the next process was ready in ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
    const present = await loggedMessageIds(await third.as("alice@contoso.com"), customer.id);
    expect([...present.keys()].sort()).toEqual(["<after@second.example>", "<before@second.example>"]);
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, "pglite.owner.json"), "utf8"));
    expect(owner.pid).toBe(third.child.pid);
    third.child.kill("SIGTERM");
    expect((await third.exited).code).toBe(0);
    // A clean stop hands the lock back at once.
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
  }, 120_000);

  it("lets exactly one of two processes started at the same moment on a new DATA_DIR open it", async () => {
    const dataDir = newDataDir();
    const pair = [await spawn(dataDir), await spawn(dataDir)];
    const outcomes = await Promise.all(
      pair.map((service) =>
        service.ready().then(
          () => "ready",
          () => "refused",
        ),
      ),
    );
    expect([...outcomes].sort()).toEqual(["ready", "refused"]);
    const refused = pair[outcomes.indexOf("refused")]!;
    expect((await refused.exited).code).not.toBe(0);
    expect(refused.output()).toContain(`DATA_DIR ${dataDir} is in use by process`);
  }, 120_000);
});
