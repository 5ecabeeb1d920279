import express, { Router } from "express";

const SOURCE_MAP = /\.map$/i;

/**
 * Serves the built task pane (webpack output) under /addin, same origin as the API so the pane
 * needs no CORS; "/" opens the demo host. Only when ADDIN_DIR is set (npm start sets it).
 * Never a source map, should a build have left one: it would publish the pane's source.
 */
export function addinStaticRoutes(dir: string): Router {
  const router = Router();
  router.get("/", (_request, response) => response.redirect("/addin/demo-host.html"));
  router.use(
    "/addin",
    (request, _response, next) => next(SOURCE_MAP.test(request.path) ? "router" : undefined),
    express.static(dir, { index: false, fallthrough: true }),
  );
  return router;
}
