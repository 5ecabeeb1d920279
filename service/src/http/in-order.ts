import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Several middlewares as one layer of Express's router, run in the order given. Mounted with a path,
 * each of Express's layers trims that path off the URL before its handler and puts it back after,
 * and the next layer parses the URL again: on every API request, once per middleware of the
 * authenticated chain. As one layer that happens once. Each handler is called as Express calls it:
 * an error passed to its next, thrown, or a rejected promise goes to the error middleware; "router"
 * and "route" go on to Express.
 */
export function inOrder(...handlers: RequestHandler[]): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown) => {
      if (error) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const result: unknown = handler(request, response, step);
        // As Express 5's router: a rejected promise is an error passed on.
        if (result instanceof Promise)
          result.catch((rejection: unknown) => next(rejection ?? new Error("Rejected promise")));
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
