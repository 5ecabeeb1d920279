import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { Role } from "contract";
import { loadOrCreateDevKeys, signDevToken } from "../../service/src/auth/dev-issuer";
import { ApiClient } from "./api-client";

const ROOT = path.resolve(__dirname, "../..");

export interface ServiceProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  as(email: string, role?: Role): Promise<ApiClient>;
  /** Resolves once GET /api/health answers 200 (rejects if the process exits first). */
  ready(timeoutMs?: number): Promise<void>;
}

/**
 * The real service (`scripts/service.ts` under tsx, as `npm run service` starts it) as a child process of the test, for what only a
 * process can show: signals, kill -9, a second process on one DATA_DIR.
 */
export async function spawnService(env: { DATA_DIR: string } & Record<string, string>): Promise<ServiceProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, SEED: "none", DATABASE_URL: "", ...env, PORT: String(port) };
  delete childEnv.NODE_OPTIONS; // jest's --experimental-vm-modules
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/service.ts"], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  return {
    url,
    port,
    child,
    output: () => output,
    exited,
    async as(email, role = "SALESMAN") {
      return new ApiClient(url, await signDevToken(await loadOrCreateDevKeys(env.DATA_DIR), { email, role }));
    },
    async ready(timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (hasExited) throw new Error(`the service exited before it was ready:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the service was not ready within ${timeoutMs} ms:\n${output}`);
        const status = await fetch(`${url}/api/health`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
