import path from "node:path";
import { putSampleInboxes } from "../demo-host/demo-inbox";
import { DEMO_TRACKED_ANSWER } from "../seed/demo-tracked";
import { DELIVER_PATH, startGraphFakeServer } from "./fake-graph.server";

/**
 * `npm start` demo: the Graph fake on GRAPH_FAKE_PORT (default 4010) and the service pointed at it,
 * so planned activities show up as "synced" with event ids; its calendars are kept in DATA_DIR.
 * Skipped when GRAPH_BASE_URL is already set (a real tenant, or a fake run with `npm run graph-fake`).
 */
export function startGraphFakeForDemo(): void {
  if (process.env.GRAPH_BASE_URL) return;
  const port = Number(process.env.GRAPH_FAKE_PORT ?? 4010);
  // Set now, before the service reads its configuration; the fake is listening long before the first sync.
  process.env.GRAPH_BASE_URL = `http://127.0.0.1:${port}/v1.0`;
  process.env.GRAPH_STATIC_TOKEN ??= "demo-{user}";
  process.env.SYNC_INTERVAL_MS ??= "15000";
  // Tracked conversations read the fake's Inbox and Sent Items every few seconds in the demo.
  process.env.TRACKING_POLL_MS ??= "5000";
  // The fake notifies the demo service of changes made in its calendars, as Graph would.
  process.env.SYNC_NOTIFICATION_URL ??= `http://127.0.0.1:${process.env.PORT ?? 3001}/api/graph/notifications`;
  // Kept beside the demo database, so the demo calendars and the CRM stay in step across restarts.
  const stateFile = path.resolve(process.env.DATA_DIR ?? "./data", "graph-fake-calendars.json");
  startGraphFakeServer({ port, stateFile, staticToken: process.env.GRAPH_STATIC_TOKEN })
    .then((server) => {
      // The demo host's sample emails, in each demo user's Inbox: "Log N emails" reads them through Graph.
      putSampleInboxes(server.mail);
      // The tracked demo conversation's later message is in Alice's Inbox (see demo/seed/demo-tracked.ts).
      server.mail.deliver(DEMO_TRACKED_ANSWER, (address) => process.env.GRAPH_STATIC_TOKEN!.replace("{user}", address));
      console.log(
        `Graph fake (demo Outlook calendars and mail, calendars kept in DATA_DIR; the sample Inboxes) on ${server.baseUrl}`,
      );
      console.log(`  a message arrives in a user's Inbox with POST ${new URL(server.baseUrl).origin}${DELIVER_PATH}`);
    })
    .catch((error: Error) => console.error(`Graph fake could not start on port ${port}: ${error.message}`));
}
