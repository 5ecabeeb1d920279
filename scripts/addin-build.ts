// Builds the task pane with webpack's Node API: for `npm start`, the tests and the bench.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import webpack from "webpack";

const ROOT = path.join(__dirname, "..");
export const ADDIN_DIST = path.join(ROOT, "dist", "addin");

export async function buildAddin(outputPath = ADDIN_DIST, mode: "production" | "development" = "production") {
  // webpack.config.js is CommonJS, shared with the webpack CLI.
  const configure = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => webpack.Configuration;
  const config = configure({ outputPath }, { mode });
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  return outputPath;
}

/** Inputs of the build: when none changed, a previous build is reused. */
function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry).sort()) visit(path.join(entry, child));
    else hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const input of [
    "addin",
    "contract",
    "demo/demo-host",
    "demo/seed",
    "manifest.xml",
    "manifest.json",
    "webpack.config.js",
  ])
    visit(path.join(ROOT, input));
  return hash.digest("hex");
}

/**
 * A production build for tests and the bench in dist/addin-test, built once for all suites of a run:
 * a lock directory keeps parallel jest workers from building at the same time.
 */
export async function ensureAddinBuild(): Promise<string> {
  const dir = path.join(ROOT, "dist", "addin-test");
  const stampFile = path.join(ROOT, "dist", "addin-test.stamp");
  const lock = path.join(ROOT, "dist", "addin-test.lock");
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const stamp = sourceStamp();
  const fresh = () => fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
  for (;;) {
    if (fresh()) return dir;
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another worker builds; a lock older than five minutes is left from a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!fresh()) {
        await buildAddin(dir);
        fs.writeFileSync(stampFile, stamp);
      }
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
