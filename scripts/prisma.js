// Runs the Prisma CLI offline: Prisma 6.19 with the WebAssembly engines needs no native engine,
// but it tries to download one at start-up unless these variables point at an existing file.
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const stub = path.join(__dirname, "prisma-engine-stub");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: stub,
  PRISMA_QUERY_ENGINE_LIBRARY: stub,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
