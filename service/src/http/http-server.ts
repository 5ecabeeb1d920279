import http, { type RequestListener, type Server, type ServerResponse } from "node:http";
import type { Express } from "express";
import { expressObjects } from "./express-objects";

export interface HttpServer {
  server: Server;
  /** Hands every later request to the app, once the database is ready. */
  setApp(app: Express): void;
  readonly draining: boolean;
  /**
   * Stops accepting connections, lets the requests already accepted finish (their responses say
   * `Connection: close`, idle keep-alive connections are closed), and after timeoutMs cuts off what
   * is still running. Answers how many requests were cut off.
   */
  drain(timeoutMs: number): Promise<{ cutOff: number }>;
}

export function createHttpServer(initial: RequestListener): HttpServer {
  // Built with the prototypes the app will have, before there is an app (see express-objects.ts).
  const objects = expressObjects();
  const server = http.createServer(objects.serverOptions);
  let handler = initial;
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  server.on("request", (request, response) => {
    inFlight.add(response);
    response.on("close", () => {
      inFlight.delete(response);
      // A response sent before the drain began left its connection open for the next request.
      if (draining) server.closeIdleConnections();
    });
    if (draining) response.setHeader("Connection", "close");
    handler(request, response);
  });
  return {
    server,
    setApp(app) {
      objects.adopt(app);
      handler = app;
    },
    get draining() {
      return draining;
    },
    async drain(timeoutMs) {
      draining = true;
      for (const response of inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
      // close() stops listening and closes idle connections (Node 19+); its callback waits for the rest.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        closed.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (finished) return { cutOff: 0 };
      const cutOff = inFlight.size;
      server.closeAllConnections();
      await closed;
      return { cutOff };
    },
  };
}

/** Listens on port (0: any free port) of host (every interface when unset) and answers the port. */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
