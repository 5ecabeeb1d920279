// The file piscina loads in each worker thread. Worker threads start with plain Node, which cannot
// read TypeScript: under `tsx` and `node --import tsx` the hook comes along in execArgv, but under
// jest (ts-jest compiles only inside jest's own module system) nothing would. Registering tsx's
// CommonJS hook here makes the worker load the same way everywhere.
require("tsx/cjs/api").register();
module.exports = require("./html-cleaning.worker.ts");
