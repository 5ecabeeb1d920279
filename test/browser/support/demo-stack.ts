import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureAddinBuild } from "../../../scripts/addin-build";
import { loadConfig } from "../../../service/src/config";
import { putSampleInboxes } from "../../../demo/demo-host/demo-inbox";
import { DELIVER_PATH, startGraphFakeServer } from "../../../demo/graph-fake/fake-graph.server";
import { DEMO_TRACKED_ANSWER } from "../../../demo/seed/demo-tracked";
import { demoSeed } from "../../../demo/seed/demo-seed";
import { startService } from "../../../service/src/server";
import { ApiClient } from "../../support/api-client";

/**
 * What `npm start` runs, in-process: the built pane (production webpack build) served by the real
 * service on an in-memory PGlite database with the demo data, development sign-in on, and the
 * Graph fake standing in for Outlook's calendars and mail.
 */
export async function startDemoStack() {
  const addinDir = await ensureAddinBuild();
  // As under npm start: the Outlook calendars are the Graph fake's, synced on "Sync now" only.
  const graph = await startGraphFakeServer();
  // As npm start does: the demo host's sample emails are in each user's Inbox in Outlook's mail too.
  putSampleInboxes(graph.mail);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-browser-"));
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: dataDir,
    SEED: "demo",
    ORG_DOMAINS: "contoso.com",
    ADDIN_DIR: addinDir,
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_STATIC_TOKEN: "demo-{user}",
    SYNC_INTERVAL_MS: "0",
    // Log on send looks for sent messages in the fake's Sent Items often, so a suite need not wait long.
    LOG_ON_SEND_POLL_MS: "300",
    LOG_ON_SEND_RETRY_BASE_MS: "200",
    LOG_ON_SEND_RETRY_CAP_MS: "1000",
    // Tracked conversations read the fake's Inbox and Sent Items every second.
    TRACKING_POLL_MS: "1000",
    // Every page a suite opens signs in anew (the pane-widths suite opens one per screen, over a
    // hundred a run): far more development sign-ins a minute than the limit allows a person.
    RATE_LIMIT_DEV_TOKEN: "0",
  });
  // As under npm start: the tracked demo conversation's later message waits in Alice's Inbox.
  graph.mail.deliver(DEMO_TRACKED_ANSWER, (address) => `demo-${address}`);
  const service = await startService(config, { inMemory: true, seed: demoSeed });
  return {
    url: service.url,
    // The demo host's simulated Outlook sends mail through this suite's Graph fake.
    demoHost: `${service.url}/addin/demo-host.html?graph=${encodeURIComponent(graph.baseUrl)}`,
    /** The Outlook calendars behind the demo. */
    graph: graph.fake,
    /** Outlook's mail behind the demo (Sent Items, Inbox). */
    mail: graph.mail,
    /** The fake's deliver endpoint (not Graph): a message arrives in a user's Inbox. */
    deliverUrl: `${new URL(graph.baseUrl).origin}${DELIVER_PATH}`,
    /** The API as a user (a salesman unless a role is given), for checking what the pane stored. */
    async as(email: string, role?: "SALESMAN" | "MANAGER" | "ADMIN") {
      const response = await fetch(`${service.url}/api/dev/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, role }),
      });
      return new ApiClient(service.url, ((await response.json()) as { token: string }).token);
    },
    async stop() {
      await service.stop();
      await graph.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
