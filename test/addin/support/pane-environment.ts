import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import { register } from "tsx/cjs/api";
import type { PaneService, PaneServiceOptions } from "./pane-service";

// jest-fixed-jsdom: jsdom with Node's fetch, streams and TextEncoder, which the pane and msw need.
const FixedJSDOMEnvironment: typeof import("jest-environment-jsdom").default = require("jest-fixed-jsdom");

/** What a suite finds on globalThis: the worker's real service beside jsdom (see pane-service.ts). */
export interface PaneServiceStarter {
  start(options?: PaneServiceOptions): Promise<PaneService>;
}

// tsx compiles the service for this realm as `npm start` does (the contract's path alias included);
// namespaced, so only what this environment requires goes through it, once per worker.
const tsx = register({ namespace: "pane-service" });
let loaded: typeof import("./pane-service") | undefined;

// Per worker, not per suite: jest loads this module once per worker process and builds one
// environment per suite file from it, so the services started here outlive a suite and the next
// suite of the worker finds them running (its world restored, see use-crm.ts).
const running = new Map<string, Promise<PaneService>>();
// Stopped when the worker is done, so that it exits by itself: a jest worker (a child process) is
// done when jest-worker stops listening to its parent; a run in band (one process, no parent) when no
// suite has started for a moment. Should a suite start after that after all, it starts them afresh.
const IN_BAND_IDLE_MS = 500;
let suites = 0;
let idleSince = Date.now();
setInterval(() => {
  if (running.size === 0 || suites > 0) return;
  const done = process.send ? process.listenerCount("message") === 0 : Date.now() - idleSince > IN_BAND_IDLE_MS;
  if (done) void stopAll();
}, 50).unref();
async function stopAll() {
  const services = [...running.values()];
  running.clear();
  for (const service of services) await (await service).stop();
}

/**
 * The pane's jsdom environment with the real service in the same process: jsdom for the pane, and
 * the service in the worker's Node realm, where jsdom's `document` cannot mislead PGlite and Prisma
 * about where they run. Once started, jsdom's address is the service's origin, so the pane calls
 * its API same-origin, as in Outlook where the service serves the pane.
 */
export default class PaneEnvironment extends FixedJSDOMEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
  }

  override async setup() {
    suites += 1;
    await super.setup();
    const starter: PaneServiceStarter = {
      start: async (options = {}) => {
        const key = JSON.stringify([Boolean(options.calendarSync)]);
        if (!running.has(key)) {
          loaded ??= tsx.require("./pane-service", __filename) as typeof import("./pane-service");
          const starting = loaded.startPaneService(options);
          starting.catch(() => running.delete(key));
          running.set(key, starting);
        }
        const service = await running.get(key)!;
        this.dom?.reconfigure({ url: `${service.url}/addin/` });
        return service;
      },
    };
    this.global.__paneService = starter;
  }

  override async teardown() {
    await super.teardown();
    suites -= 1;
    idleSince = Date.now();
  }
}
