// zod 4 compiles object parsers with new Function() where it may, and probes for that on first use.
// The pane's Content-Security-Policy forbids eval (no 'unsafe-eval'): the probe would be refused and
// reported as a violation on every page load. Imported first by each entry point: parse without it.
//
// z.config({ jitless: true }) would mean importing zod's core (about 10 KB gzipped) into the first
// download, which no schema of its needs. zod keeps its one configuration object on globalThis and
// takes the one it finds there (zod/v4/core/core.js: `globalThis.__zod_globalConfig ??= {}`;
// z.config() assigns into it), so setting the flag on that object works before or after zod loads.
// test/addin/zod-without-eval.test.ts holds zod to that.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
