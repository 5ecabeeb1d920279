// The service alone, with no demo in it (SEED=demo is refused here): for an image that ships no demo/.
// `npm run service` and `npm start` run scripts/service.ts, which can also seed the demo company.
import { runServiceProcess } from "./service-process";

runServiceProcess();
