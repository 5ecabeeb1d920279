// One jest run for the whole project: service suites over HTTP against real databases, add-in
// component suites in jsdom. TypeScript is type-checked by `tsc` in `npm test`, so ts-jest only transpiles.
const tsJest = [
  "ts-jest",
  {
    tsconfig: {
      jsx: "react-jsx",
      allowJs: true,
      isolatedModules: true,
      module: "commonjs",
      moduleResolution: "node10",
      esModuleInterop: true,
      target: "ES2022",
    },
    diagnostics: false,
  },
];
// ESM-only packages that jest must transpile to CommonJS.
const esmPackages = ["jose", "rettime", "until-async", "@open-draft/deferred-promise"];
const transformIgnorePatterns = [`/node_modules/(?!(.*/)?(${esmPackages.join("|")})/)`];
// The contract's path alias (tsconfig.json "paths"), for every project.
const contractAlias = { "^contract$": "<rootDir>/contract/index.ts", "^contract/(.*)$": "<rootDir>/contract/$1" };

module.exports = {
  // Suites start a real service and database; a busy two-core machine needs more than 5 s for that.
  testTimeout: 60_000,
  // Side by side: left to itself jest takes one worker fewer than the cores, and on two cores that is
  // one process running every suite in turn, idle while each waits on its databases and browser
  // (80 minutes in CI, against 22 with three workers). Two, not three: a suite sharing two cores with
  // one other suite keeps the time its service needs for a 2 MB body or a replica's lease.
  maxWorkers: 2,
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  projects: [
    {
      displayName: "service",
      moduleNameMapper: contractAlias,
      testEnvironment: "node",
      testMatch: [
        "<rootDir>/test/service/**/*.test.ts",
        "<rootDir>/test/calendar-sync/**/*.test.ts",
        "<rootDir>/test/hostile/**/*.test.ts",
        // The import boundaries of eslint.boundaries.mjs, each rule tried with an import it must refuse.
        "<rootDir>/test/boundaries/**/*.test.ts",
        // Fault injection: kill -9, a second process, SIGTERM under load, PostgreSQL restarts.
        "<rootDir>/test/faults/**/*.test.ts",
        "<rootDir>/service/**/*.test.ts",
        "<rootDir>/contract/**/*.test.ts",
      ],
      // .mjs too: msw's node interceptors pull ESM-only packages (rettime) into the calendar-sync suites.
      transform: { "^.+\\.m?[tj]sx?$": tsJest },
      transformIgnorePatterns,
    },
    {
      // Task pane components with an Office mock, against the real service started in the same
      // worker (test/addin/support/pane-environment.ts): in-memory PGlite, real HTTP on loopback.
      displayName: "addin",
      testEnvironment: "<rootDir>/test/addin/support/pane-environment.ts",
      testMatch: ["<rootDir>/addin/**/*.test.ts?(x)", "<rootDir>/test/addin/**/*.test.ts?(x)"],
      // office-addin-mock needs only OfficeApp from office-addin-manifest, whose own dependencies are ESM-only.
      moduleNameMapper: {
        ...contractAlias,
        "^office-addin-manifest$": "<rootDir>/test/addin/support/office-addin-manifest.stub.js",
        // The pane's on-demand tabs import "./x.js" (TypeScript's nodenext rule) for ./x.tsx.
        "^(\\.{1,2}/.*)\\.js$": "$1",
      },
      setupFilesAfterEnv: ["<rootDir>/test/addin/support/setup-testing-library.ts"],
      // msw's dependencies (rettime) ship only .mjs files.
      transform: { "^.+\\.m?[tj]sx?$": tsJest },
      transformIgnorePatterns,
    },
    {
      // The built pane in Debian's Chromium (playwright-core) against the real service.
      displayName: "browser",
      globalSetup: "<rootDir>/test/browser/support/global-setup.ts",
      moduleNameMapper: contractAlias,
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      transform: { "^.+\\.[tj]sx?$": tsJest },
      transformIgnorePatterns,
    },
  ],
};
