import http from "node:http";
import type { AddressInfo } from "node:net";
import { type GraphFake, createGraphFake } from "./fake-graph.handler";
import { loadFakeState, saveFakeState } from "./fake-graph.state";
import { DELIVER_PATH } from "./mail/deliver-path";
import { type GraphMailFake, createGraphMailFake } from "./mail/fake-mail.handler";

export interface GraphFakeServer {
  /** Base URL including the version, for GRAPH_BASE_URL. */
  baseUrl: string;
  fake: GraphFake;
  /** Outlook's mail behind the same base URL (Sent Items, Inbox, sendMail), as on Graph itself. */
  mail: GraphMailFake;
  close(): Promise<void>;
}

/** Graph's mail paths, which the mail fake answers; the calendar fake answers the rest. */
const MAIL_PATH = /^\/v1\.0\/me\/(mailFolders|messages|sendMail)(\/|$)/i;

export { DELIVER_PATH };

/** The Graph fake as a local HTTP server: the same handler msw uses in jest, behind node:http. */
export async function startGraphFakeServer(
  options: {
    port?: number;
    host?: string;
    latencyMs?: number;
    stateFile?: string;
    /** The service's GRAPH_STATIC_TOKEN: how the deliver endpoint finds a user's mailbox by address. */
    staticToken?: string;
  } = {},
): Promise<GraphFakeServer> {
  const host = options.host ?? "127.0.0.1";
  const staticToken = options.staticToken ?? "demo-{user}";
  // The fake needs the port it listens on (its nextLink and deltaLink are absolute), so it comes second.
  const holder: { fake?: GraphFake; mail?: GraphMailFake } = {};
  const server = http.createServer(async (incoming, outgoing) => {
    // Graph answers pages' cross-origin calls; the demo host's simulated Outlook sends mail from one.
    outgoing.setHeader("Access-Control-Allow-Origin", "*");
    if (incoming.method === "OPTIONS") {
      outgoing.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, POST, PATCH, DELETE",
        "Access-Control-Allow-Headers": "authorization, content-type, prefer",
        "Access-Control-Max-Age": "600",
      });
      outgoing.end();
      return;
    }
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
      if (incoming.method === "POST" && new URL(request.url).pathname === DELIVER_PATH) {
        const answer = holder.mail!.deliver(await request.json().catch(() => undefined), (address) =>
          staticToken.replace("{user}", address),
        );
        outgoing.writeHead(answer.status, { "content-type": "application/json" });
        outgoing.end(JSON.stringify(answer.body));
        return;
      }
      const mail = MAIL_PATH.test(new URL(request.url).pathname);
      const response = await (mail ? holder.mail! : holder.fake!).handle(request);
      if (response.type === "error") {
        incoming.socket.destroy();
        return;
      }
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
      if (options.stateFile && !mail && incoming.method !== "GET") saveFakeState(holder.fake!, options.stateFile);
    } catch (error) {
      outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ error: { code: "FakeFailure", message: (error as Error).message } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${host}:${port}/v1.0`;
  const fake = (holder.fake = createGraphFake({ baseUrl, latencyMs: options.latencyMs }));
  const mail = (holder.mail = createGraphMailFake({ baseUrl }));
  if (options.stateFile) loadFakeState(fake, options.stateFile);
  return {
    baseUrl,
    fake,
    mail,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
