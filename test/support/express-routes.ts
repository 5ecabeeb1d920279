/* eslint-disable @typescript-eslint/no-explicit-any -- Express's router stack is not typed */
import type { TestService } from "./test-service";

/**
 * Every route the Express app answers, as "METHOD /path" (Express's :param form), from its router
 * stack (nested routers too) and the API's route tree (http/route.ts apiRoutes, which lists what its
 * tree holds); a route on several paths gives one entry per path. Duplicates stay, so a caller can
 * tell a route registered twice.
 */
export function expressRoutes(service: TestService): string[] {
  const app = service.service.app as any;
  if (!app?.router?.stack) throw new Error("cannot reach the Express app behind the server");
  const walk = (stack: any[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        const paths: string[] = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        return paths.flatMap((path) =>
          // A router mounted at its path answers that path itself for its "/" (app.use("/api/health", …)).
          Object.keys(layer.route.methods).map(
            (method) => `${method.toUpperCase()} ${prefix && path === "/" ? prefix : `${prefix}${path}`}`,
          ),
        );
      }
      if (Array.isArray(layer.handle?.answers)) return layer.handle.answers as string[];
      if (layer.handle?.stack) return walk(layer.handle.stack, prefix + (layer.rawPath === "/" ? "" : layer.rawPath));
      return [];
    });
  return walk(app.router.stack, "");
}
