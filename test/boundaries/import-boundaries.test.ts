import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface Probe {
  /** Where the probe pretends to live (it is never written there). */
  file: string;
  code: string;
  /** The start of the message the lint must answer with, or null for an import that is allowed. */
  refused: string | null;
}

/**
 * Lints each probe with the project's own ESLint configuration, as `npm test` lints the files on
 * disk (one child process: ESLint's flat config is an ES module).
 */
function lint(probes: Probe[]): string[][] {
  const script = `
    import { ESLint } from "eslint";
    const probes = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const probe of probes) {
      const [result] = await eslint.lintText(probe.code, { filePath: probe.file });
      out.push(result.messages.filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(probes)], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`eslint did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const PROBES: Probe[] = [
  {
    file: "addin/src/features/search/probe.tsx",
    code: 'import { createApp } from "../../../../service/src/app";\nexport const x = createApp;\n',
    refused: "The pane never imports the service",
  },
  {
    file: "service/src/features/notes/probe.ts",
    code: 'import "../../../../addin/src/taskpane/taskpane";\n',
    refused: "The service never imports the pane",
  },
  {
    file: "service/src/http/probe.ts",
    code: 'import { seedDemoData } from "../../../demo/seed/demo-seed";\nexport const x = seedDemoData;\n',
    refused: "Production code never imports demo/",
  },
  {
    file: "addin/src/shared/probe.ts",
    code: 'export const fixtures = require("../../../test/support/fixtures");\n',
    refused: "Production code never imports demo/, test/",
  },
  {
    file: "contract/probe.ts",
    code: 'import type { Config } from "../service/src/config";\nexport type X = Config;\n',
    refused: "contract/ imports nothing of ours",
  },
  {
    file: "service/src/features/notes/probe.ts",
    code: 'import { createApp } from "../../app";\nexport const x = createApp;\n',
    refused: "Only the app shell imports",
  },
  {
    file: "service/src/calendar-sync/probe.ts",
    code: 'export { startService } from "../server";\n',
    refused: "Only the app shell imports",
  },
  {
    file: "service/src/features/notes/probe.routes.ts",
    code: 'import { createNotesRepository } from "./notes.repository";\nexport const x = createNotesRepository;\n',
    refused: "A route calls its service, never a repository",
  },
  {
    file: "addin/src/features/search/probe.tsx",
    code: 'export const load = () => import("../../taskpane/taskpane");\n',
    refused: "Pane features never import the app shell",
  },
  {
    file: "service/src/features/notes/probe.service.ts",
    code: 'import type { ActivitiesRepository } from "../activities/activities.repository";\nexport type X = ActivitiesRepository;\n',
    refused: "A feature reaches another only through a port",
  },
  {
    file: "service/src/features/record/probe.ts",
    code: 'import type { NotesRepository } from "../notes/notes.repository";\nexport type X = NotesRepository;\n',
    refused: null,
  },
  {
    file: "service/src/features/notes/probe.service.ts",
    code: 'import type { CustomerAccess } from "../../shared/ports/customer-access.port";\nexport type X = CustomerAccess;\n',
    refused: null,
  },
  {
    file: "addin/src/features/search/probe.tsx",
    code: 'import { NotesSection } from "../notes/notes-section";\nexport const x = NotesSection;\n',
    refused: "Pane features meet only through each other's index.ts",
  },
  {
    file: "addin/src/features/search/probe.tsx",
    code: 'import * as notes from "../notes";\nexport const x = notes;\n',
    refused: null,
  },
  {
    file: "addin/src/shared/probe.tsx",
    code: 'import * as notes from "../features/notes";\nexport const x = notes;\n',
    refused: "addin/src/shared/ is the kit under every feature",
  },
  // Allowed: the contract from anywhere, the demo and the tests reaching into the product, the shell wiring features.
  {
    file: "service/src/features/notes/probe.ts",
    code: 'import { noteCreateSchema } from "contract";\nexport const x = noteCreateSchema;\n',
    refused: null,
  },
  {
    file: "demo/probe.ts",
    code: 'import { startService } from "../service/src/server";\nimport "../addin/src/taskpane/taskpane";\nexport const x = startService;\n',
    refused: null,
  },
  {
    file: "test/probe.ts",
    code: 'import { demoSeed } from "../demo/seed/demo-seed";\nexport const x = demoSeed;\n',
    refused: null,
  },
  {
    file: "service/src/probe.ts",
    code: 'import { createApp } from "./app";\nexport const x = createApp;\n',
    refused: "Only the app shell imports",
  },
];

describe("import boundaries (eslint-plugin-boundaries, run by npm test's lint)", () => {
  it("refuses every import that crosses a boundary, naming the rule, and lets the allowed ones through", () => {
    const results = lint(PROBES);
    const verdicts = PROBES.map((probe, index) => ({
      file: probe.file,
      code: probe.code,
      refused: results[index]!.length > 0 ? results[index]![0]!.slice(0, probe.refused?.length ?? 0) : null,
    }));
    expect(verdicts).toEqual(PROBES.map(({ file, code, refused }) => ({ file, code, refused })));
  }, 120_000);
});
