import http from "node:http";
import type { AddressInfo } from "node:net";
import { type GraphFake, createGraphFake } from "./fake-graph.handler";
import { loadFakeState, saveFakeState } from "./fake-graph.state";

export interface GraphFakeServer {
  /** Base URL including the version, for GRAPH_BASE_URL. */
  baseUrl: string;
  fake: GraphFake;
  close(): Promise<void>;
}

/** The Graph fake as a local HTTP server: the same handler msw uses in jest, behind node:http. */
export async function startGraphFakeServer(
  options: { port?: number; host?: string; latencyMs?: number; stateFile?: string } = {},
): Promise<GraphFakeServer> {
  const host = options.host ?? "127.0.0.1";
  // The fake needs the port it listens on (its nextLink and deltaLink are absolute), so it comes second.
  const holder: { fake?: GraphFake } = {};
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://${host}${incoming.url}`, {
        method: incoming.method,
        headers: Object.entries(incoming.headers).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value] as [string, string]],
        ),
        body: incoming.method === "GET" || incoming.method === "HEAD" ? undefined : body,
      });
      const response = await holder.fake!.handle(request);
      if (response.type === "error") {
        incoming.socket.destroy();
        return;
      }
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
      if (options.stateFile && incoming.method !== "GET") saveFakeState(holder.fake!, options.stateFile);
    } catch (error) {
      outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ error: { code: "FakeFailure", message: (error as Error).message } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${host}:${port}/v1.0`;
  const fake = (holder.fake = createGraphFake({ baseUrl, latencyMs: options.latencyMs }));
  if (options.stateFile) loadFakeState(fake, options.stateFile);
  return {
    baseUrl,
    fake,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
