import express, { Router } from "express";

/**
 * Serves the built task pane (webpack output) under /addin, same origin as the API so the pane
 * needs no CORS; "/" opens the demo host. Only when ADDIN_DIR is set (npm start sets it).
 */
export function addinStaticRoutes(dir: string): Router {
  const router = Router();
  router.get("/", (_request, response) => response.redirect("/addin/demo-host.html"));
  router.use("/addin", express.static(dir, { index: false, fallthrough: true }));
  return router;
}
