import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { inOrder } from "./in-order";

/** An app with `chain` as one layer under /api, a route after it, and an error middleware that names the error. */
async function serve(chain: RequestHandler) {
  const app = express();
  app.use("/api", chain);
  app.get("/api/thing", (request, response) => {
    response.json({ seen: response.locals.seen ?? [], url: request.originalUrl });
  });
  const answerError: ErrorRequestHandler = (error: Error, _request, response, _next) => {
    response.status(418).json({ error: error.message, seen: response.locals.seen ?? [] });
  };
  app.use(answerError);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const response = await fetch(url + path);
    return { status: response.status, body: await response.json() };
  };
  return { get, close: () => new Promise((resolve) => server.close(resolve)) };
}

const mark =
  (name: string): RequestHandler =>
  (_request, response, next) => {
    response.locals.seen = [...((response.locals.seen as string[]) ?? []), name];
    next();
  };

describe("inOrder", () => {
  it("runs each middleware in turn, then the route with the request as it came", async () => {
    const app = await serve(inOrder(mark("a"), mark("b"), mark("c")));
    try {
      expect(await app.get("/api/thing?x=1")).toEqual({
        status: 200,
        body: { seen: ["a", "b", "c"], url: "/api/thing?x=1" },
      });
    } finally {
      await app.close();
    }
  });

  it("stops at an error however it is raised (passed to next, thrown, or rejected) and hands it to the error middleware", async () => {
    const raisers: Record<string, RequestHandler> = {
      passed: (_request, _response, next) => next(new Error("passed")),
      thrown: () => {
        throw new Error("thrown");
      },
      rejected: async () => {
        await Promise.resolve();
        throw new Error("rejected");
      },
    };
    for (const [name, raise] of Object.entries(raisers)) {
      const app = await serve(inOrder(mark("a"), raise, mark("never")));
      try {
        expect(await app.get("/api/thing")).toEqual({ status: 418, body: { error: name, seen: ["a"] } });
      } finally {
        await app.close();
      }
    }
  });

  it("lets a middleware answer by itself: nothing after it runs", async () => {
    const answer: RequestHandler = (_request, response) => {
      response.status(401).json({ error: "sign in" });
    };
    const app = await serve(inOrder(answer, mark("never")));
    try {
      expect(await app.get("/api/thing")).toEqual({ status: 401, body: { error: "sign in" } });
    } finally {
      await app.close();
    }
  });
});
