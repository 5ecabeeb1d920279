import type { Me } from "contract";
import type { CrmApi } from "../api/crm-api";
import { startFirstLookup } from "../features/participants";
import type { Mailbox } from "../office/mail-item.types";
import { outlookTimeZone } from "../office/outlook-time-zone";
import { markPaneTime } from "../shared/pane-marks";

// Started by the pane's boot script (taskpane/pane-boot.ts) before React draws anything, taken by
// the pane when it mounts; `arrived` once the signed-in user is known, so the first render can draw it.
const early = new WeakMap<CrmApi, { user: Promise<Me>; arrived?: Me; answered: Promise<void> }>();

/**
 * What the pane's first record waits for, all at once: the sign-in (the token), /api/me and the
 * email's lookup with its record. Returns who the user is, in the time zone Outlook shows the
 * calendar in. (The record's extras chunk is not among them: parsing it would hold the main thread
 * while the lookup's answer waits to be drawn.)
 */
function startPane(api: CrmApi, mailbox: Mailbox): { user: Promise<Me>; answered: Promise<void> } {
  // The email's lookup does not wait for who the user is: both go out with the one sign-in.
  const me = api.me();
  const looked = startFirstLookup(api, mailbox);
  const user = Promise.all([me, outlookTimeZone(mailbox).catch(() => null)]).then(([user, zone]) => {
    markPaneTime("pane-signed-in");
    // Days, due dates and new activities follow the zone Outlook shows the calendar in; where
    // Outlook does not say (or the change is refused), the CRM's own setting stays.
    return zone && zone !== user.timeZone ? api.setTimeZone(zone).catch(() => user) : user;
  });
  // Taken by the pane, which shows a failure; never an unhandled rejection before it mounts.
  user.catch(() => undefined);
  return {
    user,
    answered: Promise.all([user.catch(() => undefined), looked]).then(() => undefined),
  };
}

/**
 * Sends the pane's first requests before React's first render (and its first commit, after which
 * the pane's effects would send them): on a cold open they go out as soon as office.js is ready.
 */
export function startPaneEarly(api: CrmApi, mailbox: Mailbox): void {
  const entry: { user: Promise<Me>; arrived?: Me; answered: Promise<void> } = startPane(api, mailbox);
  entry.user.then(
    (user) => (entry.arrived = user),
    () => undefined,
  );
  early.set(api, entry);
}

/** The signed-in user startPaneEarly asked for, taken once, if it has arrived already. */
export function takeArrivedPaneStart(api: CrmApi): Me | undefined {
  const entry = early.get(api);
  if (entry?.arrived) early.delete(api);
  return entry?.arrived;
}

/** The requests startPaneEarly sent, taken once; started now where nobody sent them (the demo host). */
export function takePaneStart(api: CrmApi, mailbox: Mailbox): Promise<Me> {
  const started = early.get(api);
  early.delete(api);
  return started?.user ?? startPane(api, mailbox).user;
}

/**
 * Settles when what startPaneEarly asked for has been answered (or has failed): the user and the
 * email's lookup with its record. At once where nothing was started.
 */
export function paneStartAnswered(api: CrmApi): Promise<void> {
  return early.get(api)?.answered ?? Promise.resolve();
}
