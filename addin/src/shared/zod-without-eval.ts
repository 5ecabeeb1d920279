import { z } from "zod";

// zod 4 compiles object parsers with new Function() where it may, and probes for that on first use.
// The pane's Content-Security-Policy forbids eval (no 'unsafe-eval'): the probe would be refused and
// reported as a violation on every page load. Imported first by each entry point: parse without it.
z.config({ jitless: true });
