import { z } from "zod";
import { IsoDateTime } from "./common.contract";

/** What "sync now" did for the caller: pushed CRM changes to Outlook, then pulled Outlook's back. */
export const SyncRunResult = z.object({
  /** False when the service has no Graph access configured; nothing ran. */
  enabled: z.boolean(),
  push: z.object({
    pushed: z.number().int(),
    failed: z.number().int(),
    retrying: z.number().int(),
    conflicts: z.number().int(),
  }),
  pull: z.object({
    pages: z.number().int(),
    fullResync: z.boolean(),
    updated: z.number().int(),
    cancelled: z.number().int(),
    imported: z.number().int(),
  }),
  /** The caller's activities still waiting for Outlook (throttled, or sign-in needed). */
  pending: z.number().int(),
  /** Set when the pull could not run (e.g. Outlook sign-in needed); the push may still have run. */
  error: z.string().nullable(),
  finishedAt: IsoDateTime,
});
export type SyncRunResult = z.infer<typeof SyncRunResult>;
