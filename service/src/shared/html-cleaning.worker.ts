import type { MessagePort } from "node:worker_threads";
import { HtmlTooDeep, htmlToText, sanitizeHtml } from "./sanitize-html";

export interface HtmlCleaningTask {
  html: string;
  maxDepth: number;
  /** Whether to extract the plain text too (the e-mail log skips it when the pane sent one). */
  withText: boolean;
  /** Told when the task starts running, so the time budget counts work, not time in the queue. */
  started: MessagePort;
}

export type HtmlCleaningResult = { ok: true; html: string; text: string | null } | { ok: false; reason: "too-deep" };

/** Runs in a piscina worker thread: everything here may be slow without stalling the service. */
export function cleanHtml(task: HtmlCleaningTask): HtmlCleaningResult {
  task.started.postMessage("started");
  try {
    const html = sanitizeHtml(task.html, task.maxDepth);
    return { ok: true, html, text: task.withText ? htmlToText(html) : null };
  } catch (error) {
    // A plain result, not a thrown error: an error's class does not survive the thread boundary.
    if (error instanceof HtmlTooDeep) return { ok: false, reason: "too-deep" };
    throw error;
  }
}
