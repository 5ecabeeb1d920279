// Part of `npm run bench:replicas`: the load balancer in front of the replicas, on loopback. Each
// request goes to the next replica in turn, as a plain round-robin L7 balancer sends them. node:http
// alone, a few lines: http-proxy (the usual package) has had no release since 2020.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** Headers of one hop (RFC 9110 7.6.1): the proxy's own connection, never passed on. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te"]);

const endToEnd = (headers: http.IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

export interface RoundRobin {
  url: string;
  /** Requests sent to each replica so far, in the order of the targets. */
  sent(): number[];
  close(): Promise<void>;
}

export async function startRoundRobin(targets: string[]): Promise<RoundRobin> {
  // Kept-alive connections to the replicas, as a balancer keeps them: no TCP handshake per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const sent = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((incoming, outgoing) => {
    const index = next++ % targets.length;
    sent[index]!++;
    const target = new URL(incoming.url ?? "/", targets[index]);
    const upstream = http.request(
      target,
      { method: incoming.method, headers: { ...endToEnd(incoming.headers), host: target.host }, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(outgoing);
      },
    );
    // A replica that cannot be reached is the balancer's 502, which the benchmark counts as an error.
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent: () => [...sent],
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
