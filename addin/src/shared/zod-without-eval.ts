import { config } from "zod/v4/core";

// zod 4 compiles object parsers with new Function() where it may, and probes for that on first use.
// The pane's Content-Security-Policy forbids eval (no 'unsafe-eval'): the probe would be refused and
// reported as a violation on every page load. Imported first by each entry point: parse without it.
// zod's core holds the one configuration z.config sets; importing only it keeps zod's schema API out
// of the first download (the forms that validate load it with their own code).
config({ jitless: true });
