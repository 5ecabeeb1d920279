import { defaultLogger } from "../../service/src/shared/logger";
import { startGraphFakeServer } from "./fake-graph.server";

// `npm run graph-fake`: the Graph fake (calendars, and mail for log on send) on GRAPH_FAKE_PORT (default 4010), in memory.
async function main() {
  const server = await startGraphFakeServer({
    port: Number(process.env.GRAPH_FAKE_PORT ?? 4010),
    latencyMs: Number(process.env.GRAPH_FAKE_LATENCY_MS ?? 0),
  });
  defaultLogger().info(
    `Graph fake listening: GRAPH_BASE_URL=${server.baseUrl} (any bearer token; one mailbox per token)`,
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  defaultLogger().fatal({ err: error }, "the Graph fake did not start");
  process.exit(1);
});
