import express, { type RequestHandler, Router } from "express";

const SOURCE_MAP = /\.map$/i;

/** Where createApp mounts the pane's files: an API request never enters their router. */
export const ADDIN_PATH = "/addin";

/** "/" opens the demo host. */
export const openDemoHost: RequestHandler = (_request, response) => response.redirect(`${ADDIN_PATH}/demo-host.html`);

/**
 * Serves the built task pane (webpack output), mounted at ADDIN_PATH, same origin as the API so the
 * pane needs no CORS. Only when ADDIN_DIR is set (npm start sets it). Never a source map, should a
 * build have left one: it would publish the pane's source.
 */
export function addinStaticRoutes(dir: string): Router {
  const router = Router();
  router.use(
    (request, _response, next) => next(SOURCE_MAP.test(request.path) ? "router" : undefined),
    express.static(dir, { index: false, fallthrough: true }),
  );
  return router;
}
