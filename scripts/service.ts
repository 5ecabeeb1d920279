// `npm run service` (and `npm start`): the service, seeded with the demo company when SEED=demo.
// The seed lives in demo/, which production code never imports; it is loaded only when asked for.
import type { Seed } from "../service/src/server";
import { runServiceProcess } from "../service/src/service-process";

const demoSeed: Seed = (prisma, outbox) =>
  (require("../demo/seed/demo-seed") as typeof import("../demo/seed/demo-seed")).demoSeed(prisma, outbox);

runServiceProcess({ demoSeed });
