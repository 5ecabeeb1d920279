// Which part of the project may import which, checked by ESLint (so by `npm test`) with
// eslint-plugin-boundaries. Imports are resolved as TypeScript resolves them (tsconfig paths, so
// `contract` is the contract/ folder), and every kind counts: import, export ... from, require, import().
import boundaries from "eslint-plugin-boundaries";

/** The service's app shell: composition root, start-up and process. Only the shell, and tools, import it. */
const SERVICE_SHELL = [
  "service/src/app.ts",
  "service/src/server.ts",
  "service/src/main.ts",
  "service/src/service-process.ts",
];
/** The pane's app shell: the app frame and the Outlook entry. */
const PANE_SHELL = ["addin/src/app/**", "addin/src/taskpane/**"];

const SERVICE = ["service", "service-feature"];
const PANE = ["pane", "pane-feature"];
const PRODUCT = [...SERVICE, ...PANE, "contract"];

export default [
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { project: "tsconfig.json" } },
      "boundaries/dependency-nodes": ["import", "export", "require", "dynamic-import"],
      // The first descriptor that matches names the element: features before the rest of their side.
      "boundaries/elements": [
        { type: "service-feature", pattern: "service/src/features/*", capture: ["feature"], partialMatch: false },
        { type: "service", pattern: "service", partialMatch: false },
        { type: "pane-feature", pattern: "addin/src/features/*", capture: ["feature"], partialMatch: false },
        { type: "pane", pattern: "addin", partialMatch: false },
        { type: "contract", pattern: "contract", partialMatch: false },
        { type: "demo", pattern: "demo", partialMatch: false },
        { type: "test", pattern: "test", partialMatch: false },
        { type: "tooling", pattern: "{scripts,bench}", partialMatch: false },
      ],
      "boundaries/files": [
        { category: "service-shell", pattern: SERVICE_SHELL },
        { category: "pane-shell", pattern: PANE_SHELL },
        { category: "pane-kit", pattern: "addin/src/shared/**" },
        { category: "routes", pattern: "service/src/**/*.routes.ts" },
        { category: "repository", pattern: "service/src/**/*.repository.ts" },
      ],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          // A file not matched by any element above (a config file at the root) is checked too.
          checkUnknownLocals: true,
          // Imports inside one element count too (a route and the repository of its own feature).
          checkInternals: true,
          policies: [
            {
              from: { element: { types: PANE } },
              disallow: { to: { element: { types: SERVICE } } },
              message: "The pane never imports the service: what both sides share lives in contract/.",
            },
            {
              from: { element: { types: SERVICE } },
              disallow: { to: { element: { types: PANE } } },
              message: "The service never imports the pane: what both sides share lives in contract/.",
            },
            {
              from: { element: { types: PRODUCT } },
              disallow: { to: { element: { types: ["demo", "test", "tooling"] } } },
              message: "Production code never imports demo/, test/, scripts/ or bench/: inject what it needs instead.",
            },
            {
              from: { element: { type: "contract" } },
              disallow: { to: { element: { type: "!contract" } } },
              message: "contract/ imports nothing of ours but itself: both sides depend on it, it depends on neither.",
            },
            {
              from: { element: { types: SERVICE } },
              disallow: { to: { file: { categories: "service-shell" } } },
              message:
                "Only the app shell imports app.ts, server.ts, main.ts and service-process.ts: features are wired by it.",
            },
            // A later policy that matches overrides an earlier one: the shell wires itself.
            {
              from: { file: { categories: "service-shell" } },
              allow: { to: { file: { categories: "service-shell" } } },
            },
            {
              from: { element: { type: "pane-feature" } },
              disallow: { to: { file: { categories: "pane-shell" } } },
              message: "Pane features never import the app shell (addin/src/app/, addin/src/taskpane/).",
            },
            {
              from: { element: { type: "pane-feature" } },
              disallow: {
                to: {
                  element: { type: "pane-feature", captured: { feature: "!{{ from.element.captured.feature }}" } },
                },
              },
              message: "Pane features meet only through each other's index.ts, never through their files.",
            },
            {
              from: { element: { type: "pane-feature" } },
              allow: { to: { file: { path: "addin/src/features/*/index.ts" } } },
            },
            {
              from: { file: { categories: "pane-kit" } },
              disallow: { to: { element: { type: "pane-feature" } } },
              message: "addin/src/shared/ is the kit under every feature: it imports none of them.",
            },
            {
              from: { file: { categories: "routes" } },
              disallow: { to: { file: { categories: "repository" } } },
              message: "A route calls its service, never a repository.",
            },
            {
              from: { element: { type: "service-feature" } },
              disallow: {
                to: {
                  element: { type: "service-feature", captured: { feature: "!{{ from.element.captured.feature }}" } },
                },
              },
              message:
                "A feature reaches another only through a port in service/src/shared/ports/ that app.ts hands it, never through its files.",
            },
            // The record sits on top of every feature and assembles GET /api/customers/:id from their reads.
            {
              from: { element: { type: "service-feature", captured: { feature: "record" } } },
              allow: { to: { element: { type: "service-feature" } } },
            },
            // Opportunities and incidents carry their actions, so they read them as actions describes.
            {
              from: { element: { type: "service-feature", captured: { feature: "{opportunities,incidents}" } } },
              allow: { to: { file: { path: "service/src/features/actions/action-rows.ts" } } },
            },
          ],
        },
      ],
    },
  },
];
