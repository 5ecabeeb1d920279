import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { AppError } from "./app-error";
import { integerSetting } from "./integer-setting";
import type { HtmlCleaningResult, HtmlCleaningTask } from "./html-cleaning.worker";

/** Bounds on the work one body may cause (HTML_THREADS, HTML_TIME_BUDGET_MS, HTML_MAX_DEPTH, HTML_QUEUE). */
export interface HtmlCleaningConfig {
  /** Worker threads that sanitise; the event loop never does. */
  threads: number;
  /** Running time one body may take before its worker is terminated (queue time not counted). */
  timeBudgetMs: number;
  /** Deepest nesting accepted; Chromium's own parser stops nesting at 512 levels too. */
  maxDepth: number;
  /** Bodies waiting for a thread: a burst of ordinary logs fits, a flood is a 503 rather than held in memory. */
  queue: number;
}

export function loadHtmlCleaningConfig(env: NodeJS.ProcessEnv): HtmlCleaningConfig {
  const positive = (name: string, fallback: number) => integerSetting(env[name], name, fallback, 1);
  return {
    // One per core: the workers run at a lower priority, so the event loop still wins a busy core.
    threads: positive("HTML_THREADS", os.availableParallelism()),
    timeBudgetMs: positive("HTML_TIME_BUDGET_MS", 5000),
    maxDepth: positive("HTML_MAX_DEPTH", 512),
    queue: positive("HTML_QUEUE", 64),
  };
}

export interface CleanHtml {
  html: string;
  /** Plain text of the cleaned HTML; null when it was not asked for. */
  text: string | null;
}

export interface HtmlCleaner {
  /**
   * Sanitised HTML (and its text) computed in a worker thread. A body nested too deeply, or one that
   * takes longer than the time budget, is a 413 naming `field`; a full queue is a 503.
   */
  clean(html: string, field: string, options?: { withText?: boolean }): Promise<CleanHtml>;
  close(): Promise<void>;
}

// A 2 MB body needs well under 100 MB to sanitise; a worker that needs more is stopped, not the service.
const WORKER_HEAP_MB = 256;

export function createHtmlCleaner(config: HtmlCleaningConfig): HtmlCleaner {
  // Created on first use: a process that never cleans HTML (most test suites) never starts a thread.
  let pool: Piscina<HtmlCleaningTask, HtmlCleaningResult> | undefined;
  // Counted here, not with piscina's maxQueue: piscina keeps abortable tasks outside that limit.
  let inFlight = 0;
  const getPool = () =>
    (pool ??= new Piscina({
      filename: path.join(__dirname, "html-cleaning.worker.cjs"),
      name: "cleanHtml",
      minThreads: config.threads,
      maxThreads: config.threads,
      // Below the event loop: with both cores busy cleaning, health checks and lookups still run first.
      niceIncrement: 10,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    }));

  return {
    async clean(html, field, { withText = true } = {}) {
      if (!html) return { html: "", text: withText ? "" : null };
      if (inFlight >= config.threads + config.queue)
        throw new AppError("unavailable", "The service is busy sanitising other messages; try again in a few seconds");
      const tooLarge = (message: string) =>
        new AppError("payload_too_large", `${field}: ${message}`, [{ field, message }]);
      const { port1, port2 } = new MessageChannel();
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // The budget starts when a worker picks the task up; aborting a running task terminates its thread.
      port1.once("message", () => {
        timer = setTimeout(() => abort.abort(), config.timeBudgetMs);
      });
      inFlight++;
      try {
        const result = await getPool().run(
          { html, maxDepth: config.maxDepth, withText, started: port2 },
          { transferList: [port2], signal: abort.signal },
        );
        if (!result.ok) throw tooLarge(`is nested deeper than ${config.maxDepth} levels`);
        return { html: result.html, text: result.text };
      } catch (error) {
        if (abort.signal.aborted)
          throw tooLarge(`takes longer than ${config.timeBudgetMs / 1000} s to sanitise; send a simpler body`);
        if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY")
          throw tooLarge("needs too much memory to sanitise");
        throw error;
      } finally {
        inFlight--;
        clearTimeout(timer);
        port1.close();
      }
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
