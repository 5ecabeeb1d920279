// The pane's policy forbids eval, so zod must parse without compiling (addin/src/shared/zod-without-eval.ts).
// That module sets the flag without importing zod: this holds zod's own reading of it to that, both
// when the flag is set first (as the entry points do) and when zod had loaded before.
import { jest } from "@jest/globals";

describe("zod without eval", () => {
  beforeEach(() => {
    jest.resetModules();
    delete (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig;
  });

  it("parses jitless when the flag is set before zod loads", async () => {
    await import("../../addin/src/shared/zod-without-eval.js");
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
  });

  it("parses jitless when zod had loaded first", async () => {
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBeFalsy();
    await import("../../addin/src/shared/zod-without-eval.js");
    expect(config().jitless).toBe(true);
  });

  it("never compiles a parser with new Function", async () => {
    await import("../../addin/src/shared/zod-without-eval.js");
    const { z } = await import("zod");
    const compiled = jest.spyOn(globalThis, "Function");
    expect(z.object({ subject: z.string(), minutes: z.number() }).parse({ subject: "Call", minutes: 5 })).toEqual({
      subject: "Call",
      minutes: 5,
    });
    expect(compiled).not.toHaveBeenCalled();
  });
});
