/**
 * A named moment of the pane's start (bench:addin prints each after office.js was ready). Not every
 * host has the User Timing API (jsdom does not): there it is a no-op.
 */
export function markPaneTime(name: "pane-script-run" | "pane-signed-in" | "pane-lookup-answered"): void {
  if (typeof globalThis.performance?.mark === "function") globalThis.performance.mark(name);
}
