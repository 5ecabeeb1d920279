import type { Me } from "contract";
import type { CrmApi } from "../api/crm-api";
import { startFirstLookup } from "../features/participants";
import type { Mailbox } from "../office/mail-item.types";

// Started by taskpane.tsx before React draws anything, taken by the pane when it mounts.
const early = new WeakMap<CrmApi, Promise<Me>>();

/**
 * What the pane's first record waits for, all at once: the sign-in (the token), /api/me and the
 * email's lookup with its record. Returns who the user is. (The record's extras chunk is not among
 * them: parsing it would hold the main thread while the lookup's answer waits to be drawn.)
 */
function startPane(api: CrmApi, mailbox: Mailbox): Promise<Me> {
  const me = api.me();
  // Taken by the pane, which shows a failure; never an unhandled rejection before it mounts.
  me.catch(() => undefined);
  startFirstLookup(api, mailbox);
  return me;
}

/**
 * Sends the pane's first requests before React's first render (and its first commit, after which
 * the pane's effects would send them): on a cold open they go out as soon as office.js is ready.
 */
export function startPaneEarly(api: CrmApi, mailbox: Mailbox): void {
  early.set(api, startPane(api, mailbox));
}

/** The requests startPaneEarly sent, taken once; started now where nobody sent them (the demo host). */
export function takePaneStart(api: CrmApi, mailbox: Mailbox): Promise<Me> {
  const started = early.get(api);
  early.delete(api);
  return started ?? startPane(api, mailbox);
}
