import { z } from "zod";
import { defineRoute, apiRoutes } from "./route";

describe("apiRoutes", () => {
  const route = (method: "get" | "post", authorization?: "notes:create") =>
    defineRoute({
      method,
      path: "/api/example",
      tag: "example",
      summary: "An example",
      response: z.object({}),
      ...(authorization && { authorization }),
      handler: async () => ({}),
    });

  it("refuses to start with a write route that names no permission of the authorisation table", () => {
    expect(() => apiRoutes([route("post")])).toThrow(
      "POST /api/example names no permission of the authorisation table",
    );
    expect(() => apiRoutes([route("post", "notes:create")])).not.toThrow();
    expect(() => apiRoutes([route("get")])).not.toThrow();
  });
});
